/** The shapes `roundRobin.*` answer, as these screens read them. */

/** A member as `roundRobin.members.list` returns it (the fields these screens use). */
export interface MemberView {
  userId: string;
  name: string;
  active: boolean;
  weight: number;
  dailyCap: number | null;
  effectiveTimeZone: string;
  unavailable: 'inactive' | 'leave' | 'off_hours' | 'capped' | null;
  assignedToday: number;
}

export interface TodayCount {
  userId: string;
  name: string;
  day: string;
  assigned: number;
  dailyCap: number | null;
}
