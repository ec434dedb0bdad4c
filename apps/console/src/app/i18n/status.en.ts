import type { statusId } from './status.id';

/** English texts of the public status page of IT services. */
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
};
