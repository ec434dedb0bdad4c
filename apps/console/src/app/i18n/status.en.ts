import type { statusId } from './status.id';

/** English texts of the public status page of IT services and the incident figures. */
export const statusEn: Record<keyof typeof statusId, string> = {
  'pub.nav.status': 'Service status',
  'pub.status.title': 'IT service status',
  'pub.status.intro':
    "The state of the regional government's IT services now, the incidents being handled, and the last 90 days.",
  'pub.status.office': 'Office',
  'pub.status.choose': 'Choose an office to see the status of its services.',
  'pub.status.unknownOffice': 'Office not found.',
  'pub.status.overall.normal': 'All services are operating normally',
  'pub.status.overall.partial': 'Some services are partly disrupted',
  'pub.status.overall.major': 'A service has a major outage',
  'pub.status.state.normal': 'Normal',
  'pub.status.state.partial': 'Partial outage',
  'pub.status.state.major': 'Major outage',
  'pub.status.asOf': 'Updated {at}',
  'pub.status.since': 'Since {at}',
  'pub.status.daysAgo': '{days} days ago',
  'pub.status.today': 'Today',
  'pub.status.empty': 'This office shows no services on its status page yet.',
  'pub.status.historyLabel':
    '{days}-day history: {partial} days partly disrupted, {major} days with a major outage',
  'inc.notice.title': 'On the service status page',
  'inc.notice.hint':
    'Write for the public in plain words: no names of people, positions or internal details. Empty: "Gangguan <service>" and "Sedang ditangani" are shown.',
  'inc.notice.publicTitle': 'Public title',
  'inc.notice.publicSummary': 'Public summary',
  'inc.notice.save': 'Save public text',
  'inc.notice.generic': 'Service disruption',
  'dash.inc.title': 'Incidents',
  'dash.inc.note':
    "Incidents closed in the month range, by priority and by IT service. Times run on the affected service's calendar (24x7 or working hours); time waiting on the reporter is not counted.",
  'dash.inc.byPriority': 'By priority',
  'dash.inc.byService': 'By IT service',
  'dash.inc.group': 'Group',
  'dash.inc.count': 'Incidents',
  'dash.inc.response': 'Response compliance',
  'dash.inc.resolution': 'Resolution compliance',
  'dash.inc.mttr': 'Mean time to restore',
  'dash.inc.all': 'All incidents',
  'dash.inc.none': 'No incident was closed in this range yet.',
  'dash.inc.24x7': '24x7',
  'dash.inc.office': 'working hours',
};
