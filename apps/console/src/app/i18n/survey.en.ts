import type { surveyId } from './survey.id';

/** English texts of the public satisfaction survey page (`/survei/:token`). */
export const surveyEn: { readonly [K in keyof typeof surveyId]: string } = {
  'survey.title': 'Public Satisfaction Survey',
  'survey.skip': 'Skip to content',
  'survey.loading': 'Loading the survey…',
  'survey.intro':
    'Thank you for using our service. Rate the nine elements below from 1 (lowest) to 4 (highest). The survey asks for no personal data.',
  'survey.ticket': 'Ticket number',
  'survey.service': 'Service',
  'survey.validUntil': 'The link is valid until {date}.',
  'survey.score': 'Score {score}',
  'survey.comment': 'Suggestion or comment (optional)',
  'survey.profile.title': 'About you (optional)',
  'survey.profile.hint': 'Only counted per group; never shown per respondent.',
  'survey.profile.sex': 'Sex',
  'survey.profile.age': 'Age',
  'survey.profile.education': 'Last education',
  'survey.profile.occupation': 'Occupation',
  'survey.profile.none': '— not given —',
  'survey.commentHint': 'At most {max} characters. Please do not write personal data.',
  'survey.submit': 'Send answers',
  'survey.submitting': 'Sending…',
  'survey.missing': 'Please answer every element first: {list}.',
  'survey.required': 'Answer required',
  'survey.done.title': 'Thank you',
  'survey.done.text':
    'We have received your answers for ticket {number}. Your feedback helps us improve the service.',
  'survey.invalid.title': 'Unknown survey link',
  'survey.invalid.text':
    'This link is incomplete or unknown to us. Copy the whole link from the e-mail you received.',
  'survey.expired.title': 'The link has expired',
  'survey.expired.text':
    'The survey for this ticket can no longer be answered. You can still send feedback through the complaints page.',
  'survey.used.title': 'Survey already answered',
  'survey.used.text':
    'The survey for this ticket has already been answered. Thank you for your time.',
  'survey.limited': 'Too many requests from your address. Wait a few minutes, then try again.',
  'survey.failed': 'Your answers could not be sent. Check your connection and try again.',
  'survey.complaint': 'File a complaint',
};
