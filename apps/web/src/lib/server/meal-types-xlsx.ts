/** The «Управление питанием» report: the department's meal types as an .xlsx workbook. */
import ExcelJS from 'exceljs';
import { formatDateRu } from '#lib/dates.ts';
import { STATUS_LABELS_RU } from '#lib/meal-forms.ts';
import type { MealType, OrderSettings } from '#lib/staff-contract.ts';

/** Costs go in as numbers of roubles (the cells are formatted), so the sheet can sum them. */
const roubles = (kopecks: number | null) => (kopecks === null ? null : kopecks / 100);

export async function mealTypesWorkbook(
  departmentName: string,
  types: MealType[],
  settings: OrderSettings | null,
  today: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Управление питанием');
  sheet.columns = [
    { width: 40 },
    { width: 16 },
    { width: 24 },
    { width: 10 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 18 },
    { width: 14 },
    { width: 14 },
  ];
  sheet.addRow(['Управление питанием']).font = { bold: true, size: 14 };
  sheet.addRow([`${departmentName}, на ${formatDateRu(today)}`]);
  sheet.addRow([]);
  const header = sheet.addRow([
    'Наименование',
    'Тип услуги',
    'Льготная категория',
    'Горячее',
    'Динамическая',
    'РБ, руб.',
    'МБ, руб.',
    'РП, руб.',
    'Статус',
    'Статус с',
    'Были заказы',
  ]);
  header.font = { bold: true };
  for (const type of types) {
    const row = sheet.addRow([
      type.name,
      type.serviceType,
      type.benefitCategory,
      type.hot ? 'да' : 'нет',
      type.dynamicCost ? 'да' : 'нет',
      roubles(type.costs.rb),
      roubles(type.costs.mb),
      roubles(type.costs.rp),
      STATUS_LABELS_RU[type.status],
      type.statusEffectiveFrom ? formatDateRu(type.statusEffectiveFrom) : '',
      type.orderedEver ? 'да' : 'нет',
    ]);
    for (const column of [6, 7, 8]) row.getCell(column).numFmt = '#,##0.00';
  }
  if (settings) {
    sheet.addRow([]);
    sheet.addRow(['Настройки заказа питания']).font = { bold: true };
    sheet.addRow(['Дней для редактирования классным руководителем', settings.teacherEditDays]);
    sheet.addRow(['Дней для редактирования ответственным за питание', settings.coordinatorEditDays]);
    sheet.addRow(['Заказ при отрицательном балансе до, руб.', settings.negativeBalanceLimitRoubles ?? '—']);
    sheet.addRow(['Дней питания «в долг»', settings.creditDays ?? '—']);
    sheet.addRow(['Запрет редактирования после синхронизации', settings.lockAfterSync ? 'да' : 'нет']);
    sheet.addRow(['Автоматическая повторная синхронизация', settings.autoResyncAfterEdit ? 'да' : 'нет']);
    sheet.addRow(['ОО без ограничений', settings.exemptSchoolIds.join(', ') || '—']);
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
