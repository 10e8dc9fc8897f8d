/** The search box's and the levels' words in Brazilian Portuguese, translated from dictionary/en-search.ts. */
import type { Messages } from './messages.ts';

/**
 * A level or difficulty, as a badge names it: a roadmap's levels, a lab's or project's level, a question's difficulty;
 * search names its filter values with the same words.
 */
export const level = {
  beginner: 'iniciante',
  intermediate: 'intermediário',
  advanced: 'avançado',
  expert: 'especialista',
  junior: 'júnior',
  mid: 'pleno',
  senior: 'sênior',
};

export const searchBox: Messages['searchBox'] = {
  placeholder: 'Busque tópicos, roadmaps, perguntas…',
  label: 'Buscar no atlas',
  results: 'Resultados',
  more: 'Mostrar mais resultados',
  searching: 'Buscando…',
  none: 'Nenhum resultado',
  one: '1 resultado',
  many: '{n} resultados',
  forTerm: '{found} para {term}',
  unreachable:
    'A busca não carregou. Verifique sua conexão; offline, a busca funciona depois que um roadmap tiver sido salvo para uso offline.',
  offlinePartial:
    'Você está offline, então a busca só olhou as partes do índice que este navegador já tinha baixado. Salvar um roadmap para uso offline guarda o índice inteiro.',
  dialog: 'Busca',
  close: 'Fechar',
  closeLabel: 'Fechar a busca',
  hints: '↑ ↓ percorrem os resultados · Enter abre · Esc fecha',
  openPage: 'Abrir a página de busca',
  filters: 'Filtros',
  anyOf: 'Qualquer {name}',
  filterBy: 'Filtrar por {name}',
  didYouMean: 'Você quis dizer',
  filterNames: { type: 'tipo', level: 'nível', difficulty: 'dificuldade', role: 'cargo' },
  values: {
    page: 'página',
    roadmap: 'roadmap',
    topic: 'tópico',
    lab: 'lab',
    timeline: 'linha do tempo',
    role: 'cargo',
    question: 'pergunta',
    project: 'projeto',
    comparison: 'comparação',
    ...level,
  },
};
