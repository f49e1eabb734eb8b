/** The daily order grid as the page shows it: who is ordered for what, totals, and why it is closed. */
import { formatKopecks } from './money.js';
import type { OrderGrid } from './staff-contract.js';

export interface GridView {
  date: string;
  className: string;
  editable: boolean;
  lockedBySync: boolean;
  /** why the day cannot be edited (the ledger's words), null when it can */
  closedBecause: string | null;
  mealTypes: Array<{ mealTypeId: string; name: string; serviceType: string; orderedCount: number }>;
  pupils: Array<{
    accountNumber: string;
    fullName: string;
    balance: string;
    negative: boolean;
    assignedIds: string[];
    cells: Array<{ mealTypeId: string; ordered: boolean; assigned: boolean; charge: string | null }>;
  }>;
  totalCharged: string;
}

export function gridView(grid: OrderGrid): GridView {
  let total = 0;
  const pupils = grid.pupils.map((pupil) => ({
    accountNumber: pupil.accountNumber,
    fullName: pupil.fullName,
    balance: formatKopecks(pupil.balance),
    negative: pupil.balance < 0,
    assignedIds: pupil.mealTypeIds,
    cells: grid.mealTypes.map((type) => {
      const cell = pupil.cells.find((candidate) => candidate.mealTypeId === type.mealTypeId);
      if (cell?.ordered) total += cell.charge ?? 0;
      return {
        mealTypeId: type.mealTypeId,
        ordered: cell?.ordered ?? false,
        assigned: pupil.mealTypeIds.includes(type.mealTypeId),
        charge: cell?.ordered && cell.charge ? formatKopecks(cell.charge) : null,
      };
    }),
  }));
  return {
    date: grid.date,
    className: grid.className,
    editable: grid.editable,
    lockedBySync: grid.lockedBySync,
    closedBecause: grid.editable
      ? null
      : (grid.reason ?? (grid.lockedBySync ? 'Заказ синхронизирован: редактирование запрещено.' : 'День закрыт.')),
    mealTypes: grid.mealTypes.map((type) => ({
      mealTypeId: type.mealTypeId,
      name: type.name,
      serviceType: type.serviceType,
      orderedCount: grid.pupils.filter((pupil) =>
        pupil.cells.some((cell) => cell.mealTypeId === type.mealTypeId && cell.ordered),
      ).length,
    })),
    pupils,
    totalCharged: formatKopecks(total),
  };
}

/** Pupils whose assigned meal types differ from the submitted checkboxes. */
export function pupilAssignmentChanges(
  grid: Pick<OrderGrid, 'pupils'>,
  checked: (accountNumber: string) => string[],
): Array<{ accountNumber: string; fullName: string; mealTypeIds: string[] }> {
  return grid.pupils.flatMap((pupil) => {
    const after = checked(pupil.accountNumber);
    const before = pupil.mealTypeIds;
    const same = before.length === after.length && before.every((id) => after.includes(id));
    return same ? [] : [{ accountNumber: pupil.accountNumber, fullName: pupil.fullName, mealTypeIds: after }];
  });
}
