/** Observations of one security whose windows overlap, merged into one (the first is the leader). */
export interface OverlapGroup {
  /** Positions (into the input) of the members, by day 0; the first is the leader. */
  members: number[];
  /** First and last grid index of the union of the members' windows. */
  start: number;
  end: number;
}

/**
 * Groups one security's observations whose windows `[day0 + from, day0 + to]` overlap, chaining (FORMULAS.md:
 * several events of one security count as separate observations only if their windows do not overlap;
 * otherwise merge). A group is one observation: its CAR spans the union of the windows, so no day is
 * counted twice and no reaction is dropped.
 * @param day0s grid indices of day 0 of the security's observations (any order)
 * @param from first day of the window relative to day 0; @param to last day
 * @returns groups in order of day 0; a lone observation is a group of one
 * @example groupOverlapping([10, 12, 30], -1, 1) // [{ members: [0, 1], start: 9, end: 13 }, { members: [2], start: 29, end: 31 }]
 */
export function groupOverlapping(day0s: ArrayLike<number>, from: number, to: number): OverlapGroup[] {
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < day0s.length; i++) {
    order.push(i);
    if (i > 0 && day0s[i]! < day0s[i - 1]!) sorted = false;
  }
  if (!sorted) order.sort((a, b) => day0s[a]! - day0s[b]! || a - b);
  const groups: OverlapGroup[] = [];
  let current: OverlapGroup | undefined;
  for (const i of order) {
    const start = day0s[i]! + from;
    const end = day0s[i]! + to;
    if (current !== undefined && start <= current.end) {
      current.members.push(i);
      current.end = Math.max(current.end, end);
    } else {
      current = { members: [i], start, end };
      groups.push(current);
    }
  }
  return groups;
}
