/** What other features reuse from the public pages (the portal embeds the complaint form). */
export { ComplaintFormComponent } from './complaint-form.component';
export { PublicApi } from './public.api';
export { PUBLIC_ROUTES } from './public.routes';
