/**
 * The lab editor: CodeMirror 6 with the site's code colours (the `--tk-*` tokens of src/styles/prose.css, so both
 * themes read), line numbers, undo, bracket matching, autocompletion and indentation. Tab indents; Escape then Tab
 * leaves the editor (CodeMirror's documented way out for keyboard users). Ctrl/Cmd+Enter runs.
 *
 * Long lines wrap, at every width, with a hanging indent so a wrapped line still reads as one: the editor column is
 * about 70 characters wide even at 1440 px (the task sits beside it) and 40 on a phone, while the starters' own
 * comments and typical answers run to 80–130, so without wrapping the end of the starter's instructions and of the
 * learner's line would hide behind a sideways scroll on every screen. Line numbers still mark where a line starts.
 *
 * The editor lives in a shadow root: CodeMirror writes its styles at run time, and in a shadow root it adopts them
 * as a constructed stylesheet, which the strict CSP allows, where in the document it would add a <style> element,
 * which the CSP blocks. Colours still come from the site's custom properties, which inherit into the shadow root.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { LabLanguage } from '../../lib/labs/shared/lab-spec.ts';

/** Token kinds as the site's code blocks colour them (src/markdown/code-theme.ts). */
const SITE_COLOURS = HighlightStyle.define([
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--tk-comment)', fontStyle: 'italic' },
  {
    tag: [
      tags.keyword,
      tags.operatorKeyword,
      tags.controlKeyword,
      tags.definitionKeyword,
      tags.moduleKeyword,
      tags.self,
      tags.null,
      tags.bool,
    ],
    color: 'var(--tk-keyword)',
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp, tags.escape], color: 'var(--tk-string)' },
  { tag: [tags.number, tags.atom, tags.constant(tags.name)], color: 'var(--tk-constant)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--tk-function)' },
  { tag: [tags.typeName, tags.className, tags.namespace, tags.standard(tags.name)], color: 'var(--tk-type)' },
  { tag: [tags.propertyName, tags.attributeName, tags.special(tags.name)], color: 'var(--tk-property)' },
]);

/** The editor's chrome in the site's tokens, both themes (the tokens switch with the theme). */
const SITE_THEME = EditorView.theme({
  '&': {
    minHeight: '14rem',
    maxHeight: '32rem',
    fontSize: '0.9rem',
    backgroundColor: 'var(--c-raised)',
    color: 'var(--c-fg)',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--c-fg)', padding: '0.6rem 0' },
  // Hanging indent: a wrapped line's continuation starts 2ch in from its first row (6px is CodeMirror's own padding).
  '.cm-line': { paddingLeft: 'calc(6px + 2ch)', textIndent: '-2ch' },
  '.cm-gutters': {
    backgroundColor: 'var(--c-surface)',
    color: 'var(--c-muted)',
    borderRight: '1px solid var(--c-border)',
  },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--c-accent-soft) 70%, transparent)',
  },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--c-fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--c-accent) 30%, transparent)',
  },
  '.cm-matchingBracket': { backgroundColor: 'var(--c-accent-soft)', outline: '1px solid var(--c-accent)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--c-raised)',
    color: 'var(--c-fg)',
    border: '1px solid var(--c-border-strong)',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--c-accent)', color: 'var(--c-accent-fg)' },
});

export interface EditorOptions {
  doc: string;
  language: LabLanguage;
  /** The editor's accessible name. */
  label: string;
  /** What else a screen reader says about the editor (how to leave it, how to run): an id reference would not cross its shadow root. */
  description: string;
  onChange(text: string): void;
  onRun(): void;
}

export function createEditor(host: HTMLElement, options: EditorOptions): EditorView {
  const root = host.attachShadow({ mode: 'open' });
  const language =
    options.language === 'sql'
      ? sql({ dialect: PostgreSQL, upperCaseKeywords: true })
      : options.language === 'python'
        ? python()
        : javascript({ typescript: options.language !== 'javascript' });
  // Python's blocks are its indentation: four spaces, as PEP 8 writes them.
  const indent = options.language === 'python' ? '    ' : '  ';
  const run = () => {
    options.onRun();
    return true;
  };
  return new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        syntaxHighlighting(SITE_COLOURS),
        SITE_THEME,
        language,
        EditorState.tabSize.of(indent.length),
        indentUnit.of(indent),
        keymap.of([
          { key: 'Mod-Enter', run, preventDefault: true },
          ...closeBracketsKeymap,
          ...completionKeymap,
          ...historyKeymap,
          indentWithTab,
          ...defaultKeymap,
        ]),
        EditorView.contentAttributes.of({
          // Already in the tab order as an editable element; said outright so that a checker sees the scrolling
          // box around it (long lines scroll sideways) has keyboard access.
          tabindex: '0',
          'aria-label': options.label,
          'aria-description': options.description,
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}
