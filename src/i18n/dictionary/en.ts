/**
 * The interface text of the site in English, the source language: every string a page shows that is not content.
 * Each other language's dictionary has the same shape (dictionary/index.ts checks it at compile time), so a key added
 * here fails the type check until every language has it.
 */
import { formatDuration } from '../../core/format/format.ts';
import { count } from '../../core/format/words.ts';
import { ENTRY_KIND } from '../../lib/changes/changes.ts';
import { STORAGE_WORDS } from '../../lib/progress/storage-problems.ts';
import { SECTION_LABEL } from '../../lib/site/urls.ts';
import { apiRun, codeRun, lab, labView, pythonRun, sqlRun } from './en-lab.ts';
import { roadmap, roadmapView } from './en-roadmap.ts';
import { level, searchBox } from './en-search.ts';

export const en = {
  lab,
  labView,
  sqlRun,
  apiRun,
  codeRun,
  pythonRun,
  skipToContent: 'Skip to content',
  home: 'Home',
  breadcrumb: 'Breadcrumb',
  menu: 'Menu',
  search: 'Search',
  darkTheme: 'Dark theme',
  nav: {
    main: 'Main',
    footer: 'Footer',
    roadmaps: 'Roadmaps',
    topics: 'Topics',
    labs: 'Labs',
    roles: 'Roles',
    questions: 'Interview questions',
    questionsShort: 'Questions',
    practice: 'Practice',
    projects: 'Projects',
    comparisons: 'Comparisons',
    progress: 'Progress',
    yourProgress: 'Your progress',
    changes: 'What changed',
    sitemap: 'Sitemap',
  },
  footer:
    'Backend Atlas teaches backend engineering with roadmaps, topic pages, roles, interview questions, projects and comparisons. No account, no tracking: what you mark stays in this browser.',
  language: {
    /** The switcher's link to this page in another language, named in that language. */
    readIn: 'Read in English',
    untranslated: 'This page has not been translated yet.',
    outdated: (date: string) => `The English page changed on ${date}, after this translation was made.`,
    readSource: 'Read the English page',
    /** The line on an English page served under another language's prefix until it is translated. */
    fallback: 'This page has not been translated yet: here it is in English.',
    /** That line's link to the language's start page. */
    translated: 'The pages in English',
  },
  /** Each collection's section, as the navigation, the breadcrumbs and their JSON-LD name it. */
  section: SECTION_LABEL,
  /** One entry of each collection, as the line above a page's title names it. */
  entryKind: ENTRY_KIND,
  topic: {
    timeToLearn: 'Time to learn',
    hours: (n: string) => `about ${n} h`,
    onRoadmaps: 'On roadmaps',
    selfCheck: 'Self-check',
    questionCount: (n: number) => `${String(n)} ${n === 1 ? 'question' : 'questions'}`,
    labs: 'Labs',
    watchIt: 'Watch it happen',
    checkYourself: 'Check yourself',
    checkYourselfLead: 'Answer each question in your own words before you open it.',
    resources: 'Resources',
    onTheseRoadmaps: 'On these roadmaps',
    stage: (title: string) => `stage “${title}”`,
    related: 'Related topics',
    interviewQuestions: 'Interview questions on this topic',
    practise: 'Practise these questions',
    asFlashcards: 'as flashcards.',
    projects: 'Projects that use it',
    timelinesLead:
      'Two or three sessions on a real PostgreSQL server, one statement at a time: predict each step, then see what the server did and why.',
  },
  walk: {
    label: 'Roadmap',
    labelAfter: 'Roadmap, after this topic',
    /** Where the topic is on the roadmap walked; the page's script fills it in too, for a learner's own roadmap. */
    where: 'Stage {stage}: {title} · topic {position} of {total}',
    previous: 'Previous',
    next: 'Next',
    back: 'Back to the map at this topic',
  },
  onThisPage: 'On this page',
  copy: {
    copy: 'Copy',
    copied: 'Copied',
    selectAndCopy: 'Select and copy',
    copyCode: 'Copy{language} code',
  },
  share: {
    button: 'Share this page',
    shared: 'Shared.',
    copied: 'Link copied to the clipboard.',
    copyThis: 'Copy this link: {url}',
  },
  status: {
    group: (title: string) => `Your progress on ${title}`,
    yours: 'Your progress:',
    learning: 'Learning',
    done: 'Done',
    skipped: 'Skipped',
  },
  /** What a page says when this browser's stored progress could not be read or saved. */
  storage: STORAGE_WORDS,
  notes: {
    heading: 'Your notes',
    hint: (max: string) =>
      `Plain text, Markdown welcome, up to ${max} characters. Saved in this browser as you type and seen only by you.`,
    all: 'All your notes',
    label: (title: string) => `Notes on ${title}`,
    saving: 'Saving when you pause…',
    count: '{n} of {max} characters',
    notSaved: 'Not saved',
    refused: 'Not saved: {reason} Your text stays in the field until then.',
    blocked:
      'Not saved: this browser would not store it (storage is full or blocked). Your text stays in the field; copy it somewhere safe before you leave.',
    savedAt: 'Saved at {time}',
    empty: 'Empty: no note kept',
    edited: 'Saved · last edited {when}',
    none: 'No note yet',
    tooLong:
      'this note has {length} characters and one note holds at most {max}. Shorten it by {over} and it saves again.',
    tooMuch:
      'all your notes together would hold {total} characters, over the {max} this browser keeps. Shorten this note or another one by {over} (your notes are listed on the progress page).',
  },
  labs: {
    lead: "Do it, don't just read it: each lab runs in this page, graded on the spot, with no account and no server.",
    one: 'A hands-on lab, graded in this page:',
    many: (n: number) => `${String(n)} hands-on labs, graded in this page:`,
    passed: 'Passed',
    minutes: (n: number) => `about ${String(n)} min`,
  },
  lastUpdated: {
    updated: 'Updated',
    published: 'Published',
    changes: 'What changed on the site',
  },
  level,
  translations: {
    title: 'Translations',
    summary: 'Every translated page and whether it is current with its English source.',
    counts: (current: number, outdated: number, missing: number) =>
      `${String(current)} current, ${String(outdated)} outdated, ${String(missing)} missing.`,
    page: 'Page',
    state: 'State',
    source: 'English page',
    states: { current: 'current', outdated: 'outdated', missing: 'missing' },
  },
  start: {
    title: 'Backend Atlas in English',
    summary: 'Learn backend engineering from the first request to a tested API with a database and a login.',
    lead: 'Phase by phase. A translated topic opens in this language; one not yet translated opens in English.',
    map: 'The interactive map, with your progress and the study planner',
    status: 'Which pages are translated, and whether they are up to date',
    weeks: (from: number, to: number) => (from === to ? `Week ${String(from)}` : `Weeks ${String(from)}–${String(to)}`),
    pickOne: 'pick one',
    optional: 'optional',
  },
  roadmap,
  roadmapView,
  /** The words of a diagram's figure and of its text alternative (src/markdown/diagrams.ts). */
  diagram: {
    asText: 'The diagram as text',
    openFull: 'Open the diagram full size',
    fullNote: 'Full size: scroll the drawing sideways to see all of it.',
    fit: 'Fit it to the column',
    participants: (names: string) => `Participants: ${names}.`,
    note: (where: 'left of' | 'right of' | 'over', who: string, text: string) => `Note ${where} ${who}: ${text}`,
    and: 'and',
    blocks: {
      loop: 'Loop',
      alt: 'Alternative',
      opt: 'Optional',
      par: 'In parallel',
      critical: 'Critical region',
      break: 'Break',
    },
    otherwise: 'Else',
    alsoAt: 'And',
    endOf: (block: string) => `End of ${block.toLowerCase()}`,
    group: (label: string, members: string) => `Group “${label}”: ${members}.`,
    notConnected: (names: string) => `Not connected: ${names}.`,
    start: 'Start',
    end: 'End',
  },
  searchBox,
  /** The link preview card (og:image) of the site, a roadmap and a topic (src/lib/cards/link-preview-content.ts). */
  card: {
    site: {
      kind: 'Learn backend engineering',
      title: 'Roadmaps, topics, roles and interview questions for backend engineers',
      facts: ['Free', 'No account', 'Works without JavaScript'],
    },
    roadmap: 'Roadmap',
    stages: (n: number) => count(n, 'stage'),
    duration: formatDuration,
    level,
    topic: 'Topic',
    hours: (n: number) => `About ${String(n)} h to learn`,
    resources: (n: number) => count(n, 'resource'),
  },
  resource: {
    official: 'Official docs',
    spec: 'Specification',
    article: 'Article',
    book: 'Book',
    course: 'Course',
    video: 'Video',
    tool: 'Tool',
  },
} as const;
