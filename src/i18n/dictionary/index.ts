/** Every language's dictionary, by locale. */
import type { Locale } from '../locales.ts';
import { en } from './en.ts';
import type { Messages } from './messages.ts';
import { ptBr } from './pt-br.ts';

export type { Messages } from './messages.ts';
export const DICTIONARIES: Record<Locale, Messages> = { en, 'pt-br': ptBr };
