/**
 * Renders the typed templates into `{ subject, html, text }` on one isolated Handlebars instance.
 *
 * The sources are TypeScript string modules rather than `.hbs` files: the webpack bundle carries
 * them with no asset step, the shared inline styles are interpolated once, and a missing template
 * or language is a compile error. Everything is compiled (and rendered once with the sample
 * props) when the renderer is built, so a broken template stops the start, not a send.
 */
import Handlebars from 'handlebars';
import { createMailHelpers, MAIL_LOCALES, type MailLocale, type MailRenderData } from './helpers';
import { FOOTERS, HTML_LAYOUT, PARTIALS, TEXT_LAYOUT } from './layout';
import { TEMPLATE_SOURCES } from './sources';
import {
  MAIL_TEMPLATE_NAMES,
  type MailTemplateInput,
  type MailTemplateName,
  type MailTemplatePropsMap,
  type RenderedMail,
} from './template-props';

export interface RenderOptions {
  locale: MailLocale;
  /** IANA zone of the office; dates show in it with WIB/WITA/WIT. */
  timeZone: string;
  /**
   * The ticket's hidden marker (`makeMarker` of `@sigap/mail-threading`), carried in both parts;
   * null only for messages about no ticket (password reset).
   */
  marker: { text: string; html: string } | null;
}

type Compiled = (context: unknown, options?: { data?: unknown }) => string;

interface CompiledTemplate {
  subject: Compiled;
  html: Compiled;
  text: Compiled;
}

/** Raised when a template cannot be rendered with the props it was given. */
export class MailRenderError extends Error {
  constructor(
    readonly template: string,
    readonly locale: string,
    cause: unknown,
  ) {
    super(
      `Templat e-mail "${template}" (${locale}) gagal dirender: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'MailRenderError';
  }
}

export class MailRenderer {
  private readonly hb = Handlebars.create();
  private readonly templates = new Map<string, CompiledTemplate>();
  private readonly htmlLayout: Compiled;
  private readonly textLayout: Compiled;

  /**
   * `samples` (every template's preview props, from the outbox kinds): each template is rendered
   * once with them at construction, so a broken template stops the start, not a send.
   */
  constructor(samples?: MailTemplatePropsMap) {
    const helpers = createMailHelpers(this.hb);
    for (const [name, helper] of Object.entries(helpers)) this.hb.registerHelper(name, helper);
    for (const [name, source] of Object.entries(PARTIALS)) this.hb.registerPartial(name, source);

    const html = { strict: true };
    const text = { strict: true, noEscape: true };
    this.htmlLayout = this.hb.compile(HTML_LAYOUT, html);
    this.textLayout = this.hb.compile(TEXT_LAYOUT, text);
    for (const name of MAIL_TEMPLATE_NAMES) {
      const source = TEMPLATE_SOURCES[name];
      for (const locale of MAIL_LOCALES) {
        const parts = source[locale];
        this.templates.set(`${name}:${locale}`, {
          subject: this.hb.compile(parts.subject, text),
          html: this.hb.compile(parts.html, html),
          text: this.hb.compile(parts.text, text),
        });
      }
    }
    // Handlebars compiles on first use: render every template once so that syntax errors,
    // unknown helpers and fields missing from the sample props surface now.
    for (const name of samples ? MAIL_TEMPLATE_NAMES : []) {
      for (const locale of MAIL_LOCALES) {
        this.render({ template: name, props: samples?.[name] } as MailTemplateInput, {
          locale,
          timeZone: 'Asia/Jakarta',
          marker: null,
        });
      }
    }
  }

  render(input: MailTemplateInput, options: RenderOptions): RenderedMail {
    const compiled = this.templates.get(`${input.template}:${options.locale}`);
    if (!compiled) {
      throw new MailRenderError(
        String(input.template),
        String(options.locale),
        'templat atau bahasa tidak dikenal',
      );
    }
    const data: MailRenderData = { locale: options.locale, timeZone: options.timeZone };
    const run = { data };
    try {
      const props = input.props;
      const subject = compiled.subject(props, run).replace(/\s+/g, ' ').trim();
      const source = TEMPLATE_SOURCES[input.template];
      const sender = 'ticket' in props ? props.ticket.officeName : 'Sigap';
      const frame = {
        subject,
        sender,
        footer: FOOTERS[options.locale][source.kind],
        markerText: options.marker?.text ?? '',
        markerHtml: options.marker?.html ?? '',
      };
      const html = this.htmlLayout({ ...frame, body: compiled.html(props, run) }, run);
      const text = this.textLayout(
        {
          ...frame,
          body: compiled
            .text(props, run)
            .replace(/\n{3,}/g, '\n\n')
            .trim(),
        },
        run,
      );
      return { subject, html, text };
    } catch (error) {
      throw new MailRenderError(input.template, options.locale, error);
    }
  }

  /** Names and descriptions, for the admin list. */
  list(): { name: MailTemplateName; description: Record<MailLocale, string> }[] {
    return MAIL_TEMPLATE_NAMES.map((name) => ({
      name,
      description: TEMPLATE_SOURCES[name].description,
    }));
  }
}
