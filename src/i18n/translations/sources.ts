/** Where a translation's English source is, and the hash that says which version of it was translated. */
import { createHash } from 'node:crypto';
import { isLocale, type Locale } from '../locales.ts';
import { TEXT_FIELDS, type TranslatedCollection } from './schema.ts';

/** A translation's id in the collection: `<locale>/<collection>/<id>`, e.g. `pt-br/topics/http`. */
export interface TranslationKey {
  locale: Locale;
  collection: TranslatedCollection;
  id: string;
}

export function parseTranslationId(id: string): TranslationKey | undefined {
  const [locale = '', collection = '', entry, ...rest] = id.split('/');
  if (!entry || rest.length || !isLocale(locale) || !Object.hasOwn(TEXT_FIELDS, collection)) return undefined;
  return { locale, collection: collection as TranslatedCollection, id: entry };
}

export const translationId = ({ locale, collection, id }: TranslationKey) => `${locale}/${collection}/${id}`;

/** The English file a translation is made from, relative to the content folder. */
export const sourceFile = ({ collection, id }: TranslationKey) => `${collection}/${id}.md`;

/** The hash a translation records: the first 12 hex digits of the SHA-256 of the English file's text. */
export const sourceHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
