/**
 * EventBridge rule schedules: `rate(value unit)` and the six-field `cron(min hour dom month dow year)`
 * syntax, validated as PutRule validates them, and their next occurrence on the virtual clock (UTC).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */

/** A parsed schedule: the first occurrence strictly after an instant (epoch ms), or undefined past the last one. */
export interface Schedule {
  readonly expression: string;
  next(afterMs: number, createdMs: number): number | undefined;
}

const MINUTE = 60_000;
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_MS: Readonly<Record<string, number>> = { minute: MINUTE, hour: 60 * MINUTE, day: 24 * 60 * MINUTE };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** A day-of-month or day-of-week rule that is not a plain set of values. */
type DaySpec =
  | { kind: 'any' }
  | { kind: 'set'; values: ReadonlySet<number> }
  | { kind: 'last-day' }
  | { kind: 'nearest-weekday'; day: number }
  | { kind: 'last-weekday-of-month'; weekday: number }
  | { kind: 'nth-weekday'; weekday: number; nth: number };

class InvalidSchedule extends Error {}

function numberIn(text: string, min: number, max: number, names?: readonly string[]): number {
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  // Month names count from 1 (JAN = 1) and day names from 1 (SUN = 1), as AWS numbers them.
  if (named !== -1) return named + 1;
  if (!/^\d+$/.test(text)) throw new InvalidSchedule();
  const n = Number(text);
  if (n < min || n > max) throw new InvalidSchedule();
  return n;
}

/** A field of `,` lists, `a-b` ranges, `*` and `/step`, as a set of values. */
function valueSet(field: string, min: number, max: number, names?: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (range === undefined || extra !== undefined) throw new InvalidSchedule();
    const step = stepText === undefined ? 1 : numberIn(stepText, 1, max);
    let low: number;
    let high: number;
    if (range === '*') [low, high] = [min, max];
    else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (a === undefined || b === undefined || more !== undefined) throw new InvalidSchedule();
      [low, high] = [numberIn(a, min, max, names), numberIn(b, min, max, names)];
      if (low > high) throw new InvalidSchedule();
    } else {
      low = numberIn(range, min, max, names);
      // `5/10` means from 5 every 10 to the end of the range.
      high = stepText === undefined ? low : max;
    }
    for (let v = low; v <= high; v += step) out.add(v);
  }
  return out;
}

function dayOfMonth(field: string): DaySpec {
  if (field === '?') return { kind: 'any' };
  if (field === 'L') return { kind: 'last-day' };
  const w = /^(\d+)W$/.exec(field);
  if (w !== null) return { kind: 'nearest-weekday', day: numberIn(w[1]!, 1, 31) };
  return { kind: 'set', values: valueSet(field, 1, 31) };
}

function dayOfWeek(field: string): DaySpec {
  if (field === '?') return { kind: 'any' };
  if (field === 'L') return { kind: 'set', values: new Set([7]) };
  const last = /^(\w+)L$/.exec(field);
  if (last !== null) return { kind: 'last-weekday-of-month', weekday: numberIn(last[1]!, 1, 7, DAYS) };
  const nth = /^(\w+)#(\d)$/.exec(field);
  if (nth !== null)
    return { kind: 'nth-weekday', weekday: numberIn(nth[1]!, 1, 7, DAYS), nth: numberIn(nth[2]!, 1, 5) };
  return { kind: 'set', values: valueSet(field, 1, 7, DAYS) };
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

function dayMatches(spec: DaySpec, date: Date, isDow: boolean): boolean {
  const day = date.getUTCDate();
  const weekday = date.getUTCDay() + 1;
  const year = date.getUTCFullYear();
  const month0 = date.getUTCMonth();
  const length = daysInMonth(year, month0);
  switch (spec.kind) {
    case 'any':
      return true;
    case 'set':
      return spec.values.has(isDow ? weekday : day);
    case 'last-day':
      return day === length;
    case 'last-weekday-of-month':
      return weekday === spec.weekday && day + 7 > length;
    case 'nth-weekday':
      return weekday === spec.weekday && Math.ceil(day / 7) === spec.nth;
    case 'nearest-weekday': {
      // The weekday nearest to the given day, never leaving the month.
      const target = Math.min(spec.day, length);
      const targetWeekday = new Date(Date.UTC(year, month0, target)).getUTCDay();
      let chosen = target;
      if (targetWeekday === 6) chosen = target === 1 ? 3 : target - 1;
      else if (targetWeekday === 0) chosen = target === length ? target - 2 : target + 1;
      return day === chosen;
    }
  }
}

function cronSchedule(expression: string, fields: readonly string[]): Schedule {
  const [minF, hourF, domF, monthF, dowF, yearF] = fields as [string, string, string, string, string, string];
  // Exactly one of day-of-month and day-of-week is `?`.
  if ((domF === '?') === (dowF === '?')) throw new InvalidSchedule();
  const minutes = valueSet(minF, 0, 59);
  const hours = valueSet(hourF, 0, 23);
  const dom = dayOfMonth(domF);
  const months = valueSet(monthF, 1, 12, MONTHS);
  const dow = dayOfWeek(dowF);
  const years = valueSet(yearF, 1970, 2199);
  const lastYear = Math.max(...years);
  return {
    expression,
    next(afterMs) {
      let t = Math.floor(afterMs / MINUTE) * MINUTE + MINUTE;
      for (;;) {
        const d = new Date(t);
        const year = d.getUTCFullYear();
        if (year > lastYear) return undefined;
        if (!years.has(year)) {
          t = Date.UTC(year + 1, 0, 1);
          continue;
        }
        if (!months.has(d.getUTCMonth() + 1)) {
          t = Date.UTC(year, d.getUTCMonth() + 1, 1);
          continue;
        }
        if (!dayMatches(dom, d, false) || !dayMatches(dow, d, true)) {
          t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate() + 1);
          continue;
        }
        if (!hours.has(d.getUTCHours())) {
          t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
          continue;
        }
        if (!minutes.has(d.getUTCMinutes())) {
          t += MINUTE;
          continue;
        }
        return t;
      }
    },
  };
}

/**
 * Parses a `ScheduleExpression`, or returns undefined when PutRule would reject it
 * (`Parameter ScheduleExpression is not valid.`). A rate's value must be singular for 1
 * (`rate(1 hour)`) and plural above (`rate(5 minutes)`); a cron has six fields, one of
 * day-of-month and day-of-week being `?`.
 */
export function parseSchedule(expression: string): Schedule | undefined {
  const rate = RATE.exec(expression);
  if (rate !== null) {
    const value = Number(rate[1]);
    const unit = rate[2]!;
    const singular = !unit.endsWith('s');
    if (value < 1 || (value === 1) !== singular) return undefined;
    const period = value * (UNIT_MS[singular ? unit : unit.slice(0, -1)] as number);
    // A rate counts from the rule's creation.
    return {
      expression,
      next: (afterMs, createdMs) => createdMs + (Math.floor((afterMs - createdMs) / period) + 1) * period,
    };
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron === null) return undefined;
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  try {
    return cronSchedule(expression, fields);
  } catch (error) {
    if (error instanceof InvalidSchedule) return undefined;
    throw error;
  }
}
