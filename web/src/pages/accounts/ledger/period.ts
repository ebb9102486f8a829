import dayjs from 'dayjs';
import 'dayjs/locale/ru';

/** A period of calendar dates, both ends inclusive ('YYYY-MM-DD'). */
export interface Period {
  from: string;
  to: string;
}

const DAY = 'YYYY-MM-DD';

export function thisMonth(): Period {
  return { from: dayjs().startOf('month').format(DAY), to: dayjs().format(DAY) };
}

/** Ready-made periods for the picker. */
export function periodPresets(labels: { thisMonth: string; lastMonth: string; thisYear: string; lastYear: string }): Array<{ label: string; value: [string, string] }> {
  const now = dayjs();
  const lastMonth = now.subtract(1, 'month');
  const lastYear = now.subtract(1, 'year');
  return [
    { label: labels.thisMonth, value: [now.startOf('month').format(DAY), now.format(DAY)] },
    { label: labels.lastMonth, value: [lastMonth.startOf('month').format(DAY), lastMonth.endOf('month').format(DAY)] },
    { label: labels.thisYear, value: [now.startOf('year').format(DAY), now.format(DAY)] },
    { label: labels.lastYear, value: [lastYear.startOf('year').format(DAY), lastYear.endOf('year').format(DAY)] },
  ];
}
