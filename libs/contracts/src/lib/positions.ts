/** One position of an office with its holders (`GET /api/v1/positions?office=bali`). */
export interface PositionView {
  id: string;
  office: string;
  code: string;
  name: string;
  /** The supervising position's id, null at the top. */
  reportsToId: string | null;
  /** A position on the requester's side (the OPD): held by nobody of the office. */
  requesterSide: boolean;
  holders: { id: string; name: string; email: string }[];
}
