import { error, redirect } from '@sveltejs/kit';
import { ROLE_LABELS_RU, SECTION_LINKS, picksWorkspace, sectionOf, staffSections } from '#lib/staff-access.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
  const staff = locals.staff;
  if (!staff) redirect(303, '/staff/login');
  const sections = staffSections(staff.me.role);
  const section = sectionOf(url.pathname);
  if (section && !sections.includes(section)) error(403, 'Этот раздел недоступен для вашей роли.');
  const choosing = picksWorkspace(staff.me);
  if (section && choosing && !staff.workspace) redirect(303, '/staff/workspace');
  return {
    me: staff.me,
    roleLabel: ROLE_LABELS_RU[staff.me.role],
    workspace: staff.workspace,
    picksWorkspace: choosing,
    links: SECTION_LINKS.filter((link) => sections.includes(link.section)),
  };
};
