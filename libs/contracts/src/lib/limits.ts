/**
 * The length limits of the text fields people type into, as the API checks them (`MaxLength`)
 * and the console shows them (a counter up to the limit). Both read this one table, so a form
 * cannot allow more, or less, than the API takes.
 */
export const FIELD_LIMITS = {
  office: {
    code: 40,
    name: 200,
    ticketPrefix: 12,
    region: 5,
    address: 500,
    website: 255,
    helpdeskEmail: 254,
    complaintEmail: 254,
    incidentEmail: 254,
    logoUrl: 500,
  },
  position: { code: 60, name: 200 },
  /** A ticket an agent opens for a walk-in or phone requester, and what the workspace sends:
   * a reply or note (`body`), a reason for an action or a refused checklist item, a step's
   * output. */
  ticket: { subject: 300, description: 20000, body: 20000, reason: 2000, output: 5000 },
  /** An IT service in the office's register (its code is limited by its pattern too). */
  itService: { code: 60, name: 200, description: 2000 },
  /** An incident an agent records, and the requester named on it. */
  incident: {
    subject: 300,
    description: 20000,
    priorityReason: 500,
    publicTitle: 200,
    publicSummary: 1000,
    rootCause: 4000,
    majorUpdate: 10000,
  },
  /** A problem record gathering recurring incidents. */
  problem: { title: 200, description: 10000, rootCause: 4000, workaround: 4000 },
  /** A change an agent records: its plan, and what approvers, implementers and reviewers write. */
  change: {
    subject: 300,
    description: 20000,
    rollbackPlan: 10000,
    reason: 2000,
    note: 5000,
    time: 40,
  },
  /** A periodic service review meeting and the improvement actions arising from it. */
  review: {
    title: 200,
    notes: 10000,
    attendeeName: 200,
    attendeePosition: 200,
    decision: 1000,
  },
  improvementAction: { title: 200, description: 4000, closingNote: 2000 },
  contact: { name: 200 },
  opd: { name: 200 },
  user: { email: 254, name: 200, password: 200 },
  mailbox: { host: 255, user: 320, password: 500, folder: 200, processedFolder: 200 },
  /** A closure (holiday) and a dated schedule (its name; `VARIANT_NAME_MAX` in the SLA library). */
  holiday: { name: 200, source: 500 },
  cannedResponse: { title: 200, body: 20000 },
  testMail: { to: 254 },
  /** The head of office who signs the evaluation report (a NIP has 18 digits). */
  signer: { headName: 120, headNip: 18 },
  /** A service standard in the editor: its name, a time ("1-2 Jam"), a requirement, one of a
   * requirement's alternatives, a step's activity, the service's cost and a step's cost. */
  service: {
    name: 300,
    time: 200,
    requirement: 2000,
    option: 500,
    step: 4000,
    cost: 2000,
    stepCost: 200,
  },
} as const;

export type FieldLimits = typeof FIELD_LIMITS;
