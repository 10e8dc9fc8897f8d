import { z } from 'astro/zod';
import { entryFields, idSchema, type ReferenceFactory, sourceSchema, summarySchema, titleSchema } from './shared.ts';

/** A column of a comparison table. */
const columnSchema = z.object({
  /** Key used in each row's `cells`. */
  id: idSchema,
  /** Column header. */
  label: z.string().trim().min(1),
  /** Numbers sort numerically; text sorts alphabetically. Ordinal columns list their values low to high. */
  kind: z.enum(['text', 'number', 'ordinal']).default('text'),
  /** For ordinal columns: the allowed values from lowest to highest, e.g. [Easy, Medium, Hard]. */
  scale: z.array(z.string()).optional(),
});

/** A row of a comparison table. */
const rowSchema = (ref: ReferenceFactory) =>
  z.object({
    /** The thing compared, shown as the row header. */
    name: z.string().trim().min(1),
    /** A roadmap that teaches it, if there is one. */
    roadmap: ref('roadmaps').optional(),
    /** A topic page about it, if there is one. */
    topic: ref('topics').optional(),
    /** A role page about it, if there is one (job-market tables). */
    role: ref('roles').optional(),
    /** One value per column id. */
    cells: z.record(z.string(), z.union([z.string(), z.number()])),
  });

/**
 * A comparison table (languages, frameworks, databases, job market).
 * File: content/comparisons/<id>.yaml.
 */
export const comparisonSchema = (ref: ReferenceFactory) =>
  z
    .object({
      /** created, updated, change, searchTerms, aliases: see `entryFields`. */
      ...entryFields,
      /** Page title, e.g. "Backend languages compared". */
      title: titleSchema,
      /** One sentence on what the table helps decide. */
      summary: summarySchema,
      /** The table caption read by screen readers and shown above the table. */
      caption: z.string().trim().min(5),
      /** Paragraphs shown before the table: how to read it and its limits. */
      intro: z.array(z.string().trim().min(20)).default([]),
      /** Label for the row header column, e.g. "Language". */
      rowHeader: z.string().trim().min(1),
      columns: z.array(columnSchema).min(1),
      rows: z.array(rowSchema(ref)).min(2),
      /**
       * What the table rests on: a publication (name, url, asOf), our assessment (reviewed month and evidence links)
       * or an estimate derived from published data. Required: every table says whether it is measured or judged.
       */
      source: sourceSchema,
    })
    .superRefine((table, ctx) => {
      const ids = new Set(table.columns.map((c) => c.id));
      table.rows.forEach((row, i) => {
        for (const key of Object.keys(row.cells)) {
          if (!ids.has(key))
            ctx.addIssue({ code: 'custom', message: `unknown column "${key}"`, path: ['rows', i, 'cells', key] });
        }
        for (const id of ids) {
          if (!(id in row.cells))
            ctx.addIssue({ code: 'custom', message: `missing a value for column "${id}"`, path: ['rows', i, 'cells'] });
        }
        // Ordinal cells sort by their place on the scale, so a value off the scale would sort wrongly.
        for (const column of table.columns) {
          const value = row.cells[column.id];
          if (column.kind !== 'ordinal' || value === undefined || !column.scale) continue;
          if (!column.scale.includes(String(value))) {
            ctx.addIssue({
              code: 'custom',
              message: `"${value}" is not on the scale of column "${column.id}" (${column.scale.join(', ')})`,
              path: ['rows', i, 'cells', column.id],
            });
          }
        }
      });
      table.columns.forEach((column, i) => {
        if (column.kind === 'ordinal' && (column.scale ?? []).length < 2) {
          ctx.addIssue({
            code: 'custom',
            message: 'an ordinal column needs a scale of at least two values, lowest first',
            path: ['columns', i, 'scale'],
          });
        }
      });
    });
