/**
 * O que as verificações de um lab dizem de uma execução, em português do Brasil: as de SQL (`sqlRun`) e os testes
 * ocultos de uma API (`apiRun`), e o que o handler de uma API recebe (`apiEnv`). Translated from src/lib/labs/sql/sql-words.ts and src/lib/labs/api/api-words.ts
 * (dictionary/en-lab.ts re-exports them); the terms follow content/translations/pt-br/glossary.yaml.
 */
import type { Messages } from './messages.ts';

export const sqlRun: Messages['sqlRun'] = {
  rowsOne: '1 linha',
  rowsMany: '{n} linhas',
  othersOne: ' e mais 1',
  othersMany: ' e mais {n}',
  columnsOne: '1 coluna',
  columnsMany: '{n} colunas',
  columnCount: 'Sua consulta retorna {columns} ({yours}); a tarefa pede {n}: {theirs}.',
  columnNames: ' (Suas colunas são {yours}; a tarefa as chama de {theirs}.)',
  precision: 'As linhas estão certas, exceto pela precisão de {column}{example}.',
  precisionExample: ': {yours} onde se espera {theirs}',
  differOne: '{rows} difere do que a tarefa pede',
  differMany: '{rows} diferem do que a tarefa pede',
  countDiffers: '{rows} em vez de {n}:',
  notThere: '{row} não deveria estar lá',
  missingRow: 'falta {row}',
  returns: 'Sua consulta retorna {shown} {parts}.',
  forExample: ' Por exemplo: {example}.',
  orderFrom: 'As linhas estão certas, mas não na ordem que a tarefa pede, a partir da linha {n}.',
  orderAt:
    'As linhas estão certas, mas não na ordem que a tarefa pede: a linha {n} é {yours}; o esperado era {theirs}.',
  rowsPart: '{rows} {what}',
  rowsKinds: ': {kinds}',
  missing: 'faltando',
  tooMany: 'a mais',
  repeated: 'linhas listadas mais de uma vez',
  rightNumber: 'o número certo de linhas, mas',
  noReference: 'A solução de referência não retorna linhas; este lab está quebrado. Por favor, avise.',
  noRows: 'Seus comandos não retornam linhas para comparar: termine com a consulta que a tarefa pede.',
  checkingFailed: '{message} (Não foi possível fazer a verificação: {error}.)',
  failedWith: '{message} (Falhou, mas com "{error}".)',
  postgresSaid: '{message} (O Postgres disse: "{error}".)',
  planNeedsQuery: '{message} (Esta verificação lê o plano da sua consulta: termine o seu SQL com ela.)',
  planUnreadable: '{message} (Não foi possível ler o plano: {error}.)',
  planIs: '{message} O plano é:\n{plan}',
  indexesUnreadable: '{message} (Não foi possível ler os índices: {error}.)',
  indexesAre: '{message} Os índices da tabela {table} são:\n{list}',
  noIndexes: '(nenhum)',
  indexLine: '{name}: índice {method} {unique}em ({keys})',
  anIndex: 'um índice',
  unique: 'único ',
  indexAlso: ', guardando também ({columns})',
  indexOnly: ', só com as linhas em que {predicate}',
  notChecked: 'Não verificado: seu SQL parou com um erro.',
  rolledBack:
    'Sua transação ainda estava aberta no fim, então ela foi desfeita (rollback), como o Postgres faz quando uma sessão termina sem COMMIT.',
  withCase: 'Com {case}',
  variantError: '{with}, seu SQL parou com um erro, então isto não foi verificado.',
  variantFailed: '{with}, seu SQL falhou: {message}',
  variantCheck: '{with}: {message}',
};

/** What a stopped or failed run says (the engine host fills these: src/lib/labs/shared/engine-stop.ts). */
export const runStop: Messages['labView']['stop'] = {
  learner: 'Você interrompeu antes do fim, então a verificação não foi até o final. O motor foi reiniciado.',
  memory:
    'Interrompido: seu handler usou toda a memória que uma requisição pode usar ({mb} MB). Procure algo que cresce sem fim (um laço que não para de acrescentar a uma lista, uma string que não para de dobrar).',
  request:
    'Interrompido depois de {seconds} segundos, o limite de uma requisição: seu handler, ou um comando que o Postgres rodava para ele, ainda estava rodando. Procure um laço que nunca termina, um await numa tarefa que nunca acaba (uma promise ou uma corrotina), ou um comando que espera ou varre dados demais (pg_sleep, um generate_series enorme).',
  run: 'Interrompido depois de {seconds} segundos, o limite de uma execução: {yours} rodando. Procure um trabalho que nunca termina (um laço cuja condição continua verdadeira, uma consulta recursiva sem condição de parada) ou que cresce rápido demais (a varredura de uma lista dentro de um laço).',
  yours: {
    statements: 'seus comandos ainda estavam',
    code: 'seu código ainda estava',
    design: 'seu design ainda estava',
  },
  stillRunning: 'O Postgres ainda estava rodando o seu comando "{sql}".',
  restarted: 'O motor foi reiniciado.',
  failed: 'O motor falhou ({why}), então foi reiniciado{fresh}. Rode de novo.',
  noAnswer: 'sem resposta',
  freshDatabase: ' com um banco de dados novo',
  stoppedHere: 'Interrompido aqui: este teste ainda estava rodando quando chegou o limite de {seconds} segundos.',
  notStarted: 'A execução foi interrompida antes de este teste começar.',
};

export const apiRun: Messages['apiRun'] = {
  theBody: 'o corpo',
  theRows: 'as linhas',
  nothing: 'nada',
  shouldBeKind: '{at} deveria ser {kind}, mas veio {value}',
  kinds: {
    any: 'um valor qualquer',
    number: 'um número',
    string: 'uma string',
    array: 'uma lista',
    object: 'um objeto',
  },
  shouldBeList: '{at} deveria ser uma lista, mas veio {value}',
  shouldHaveOne: '{at} deveria ter 1 item, mas tem {n}',
  shouldHaveMany: '{at} deveria ter {count} itens, mas tem {n}',
  shouldBeObject: '{at} deveria ser um objeto, mas veio {value}',
  shouldNotBeThere: '{at} não deveria estar lá, mas veio {value}',
  isMissing: 'falta {at}',
  shouldBe: '{at} deveria ser {expected}, mas veio {value}',
  expectStatus: 'status {status}',
  or: ' ou ',
  expectNoHeader: 'nenhum cabeçalho {name}',
  expectHeader: 'cabeçalho {name} que case com {pattern}',
  expectJson: 'um corpo JSON como {json}',
  expectEmpty: 'um corpo vazio',
  expectBody: 'um corpo que case com {pattern}',
  expectNoLeak: 'um corpo que não revele detalhes internos ({pattern})',
  expectQueriesOne: 'no máximo 1 comando SQL',
  expectQueriesMany: 'no máximo {n} comandos SQL',
  expectNoQuery: 'nenhum comando SQL cujo texto ou parâmetros contenham {pattern}',
  expectSame: 'o mesmo status, Content-Type e corpo que {request} recebeu',
  theEarlier: 'a resposta anterior',
  status: 'Esperava-se o status {allowed}, mas veio {status}.',
  noHeaderExpected: 'Esperava-se nenhum cabeçalho {name}, mas veio "{value}".',
  headerMissing: 'Esperava-se o cabeçalho {name}; a resposta não tem nenhum.',
  headerMismatch: 'Esperava-se que o cabeçalho {name} casasse com {pattern}, mas veio "{value}".',
  leak: 'O corpo revela detalhes internos ("{leak}"): um cliente não deve ver erros do banco de dados. Responda com a sua própria mensagem.',
  bodyWanted: 'Esperava-se {wanted}, mas veio {value}.',
  noJson: 'Esperava-se um corpo JSON; a resposta não tem nenhum.',
  notJson: 'Esperava-se um corpo JSON, mas veio {value}.',
  inJson: 'No corpo JSON, {found}.',
  theParameter: 'o parâmetro {param}',
  inSql: 'uma entrada que a requisição enviou, no texto do SQL',
  reached:
    'Um comando que a requisição rodou contém {where}: {sql}. Recuse a entrada que a tarefa proíbe antes que ela chegue ao banco de dados; um comando que só falha com ela ainda pode travar, registrá-la no log ou responder de outro jeito em outro servidor.',
  noDatabaseOne: 'A requisição rodou 1 comando SQL; ela não deveria tocar no banco de dados.',
  noDatabaseMany: 'A requisição rodou {n} comandos SQL; ela não deveria tocar no banco de dados.',
  tooManyOne: 'A requisição rodou {n} comandos SQL; o máximo permitido é 1.',
  tooManyMany: 'A requisição rodou {n} comandos SQL; o máximo permitido é {max}.',
  differs: 'Esta resposta é diferente da que {request} recebeu, então um cliente consegue distinguir os dois casos:',
  differsStatus: '{lead} status {here} aqui, {there} lá.',
  differsType: '{lead} Content-Type {here} aqui, {there} lá.',
  differsJson: '{lead} no corpo JSON, {at} é {here} aqui e {there} lá.',
  differsBody: '{lead} os corpos se separam no caractere {n}: {here} aqui, {there} lá.',
  echo: '⟨o id⟩',
  ruleType: 'um {status} precisa ser {wanted}, como a tarefa diz de toda resposta desse tipo; este é {type}.',
  noType: 'enviado sem Content-Type',
  ruleProblemType:
    'um erro precisa ser problem details (application/problem+json), como a tarefa diz de todo erro; este {status} é {type}.',
  ruleProblem: 'um erro precisa ser problem details, como a tarefa diz de todo erro; neste {status}, {fault}.',
  problemNotJson: 'o corpo não é JSON',
  problemNotObject: 'o corpo não é um objeto JSON',
  problemNoTitle: 'não há um "title" que diga o que deu errado',
  problemStatus: 'o "status" é {said}, não o {status} da resposta',
  ruleAuth: 'um 401 precisa dizer como se autenticar com WWW-Authenticate ({pattern}), como a tarefa diz; este {said}.',
  ruleCache: 'um {status} precisa trazer um Cache-Control que case com {pattern}, como a tarefa diz; este {said}.',
  hasNone: 'não tem nenhum',
  says: 'diz "{value}"',
  stopped: '{request} foi interrompida antes de responder.',
  noResponse: '{request} não recebeu resposta: {error}',
  longPath: '{start}… ({count} caracteres)',
  handlerFailed: 'o handler falhou',
  problemAt: '{request}: {problem}',
  noCapture: '{request}: a resposta não tem {what}, que as próximas requisições usam.',
  jsonMember: 'o membro JSON {name}',
  header: 'o cabeçalho {name}',
  atOnce: 'Requisição {letter} de {n} enviadas ao mesmo tempo: {problem}',
  leftOpenAtOnce:
    'Seu handler respondeu com uma transação ainda aberta, então o trabalho dela foi desfeito antes que a outra requisição continuasse: faça COMMIT (ou ROLLBACK) antes de responder.',
  leftOpen:
    'Seu handler retornou com uma transação ainda aberta, então o trabalho dela foi desfeito: faça COMMIT (ou ROLLBACK) antes de responder.',
  afterwards: '{message} (No banco de dados depois, {found}.)',
  notRun: 'Não rodou: uma verificação inteira é interrompida depois de {seconds} segundos.',
  earlierStopped: 'Uma requisição anterior foi interrompida.',
  stop: runStop,
  never:
    'Seu handler nunca respondeu: a promise dele não tem mais como se resolver (nada mais está rodando). Procure um return ou um await que faltou, ou uma new Promise cujo resolve nunca é chamado.',
  unreadable: 'O handler respondeu algo que não pôde ser lido.',
  refused: 'recusado: mais de {n} comandos numa requisição',
  pythonStopped:
    'Interrompido depois de {seconds} segundos, o limite de uma requisição, sem resposta. Procure um laço que nunca termina, ou um await que nunca acaba.',
  pythonMemory:
    'Interrompido: seu app precisou de mais do que os {mb} MB de memória do lab. Procure algo que cresce sem fim (uma lista que não para de crescer, uma string que não para de dobrar).',
  traceback: 'Traceback (só o seu código):',
  late: 'Depois da resposta, seu app lançou {message}',
  asgi: {
    notBytes: '{what} precisa ser bytes, como b"content-type", mas veio {type}',
    headerName: 'O nome de um cabeçalho',
    headerValue: 'O valor de um cabeçalho',
    sendDict: "send() recebe um dict como {'type': 'http.response.start', ...}, mas veio {type}",
    startedTwice: 'A resposta foi iniciada duas vezes: envie http.response.start uma vez por requisição.',
    status: 'http.response.start precisa de um status int de 100 a 599, mas veio {status}',
    bodyFirst: 'http.response.body veio antes de http.response.start: comece a resposta primeiro.',
    bodyAfterEnd: 'Um corpo veio depois que a resposta terminou (more_body era False): envie cada resposta uma vez.',
    bodyBytes: 'O corpo precisa ser bytes, por exemplo json.dumps(data).encode(), mas veio {type}',
    messageType:
      'send() recebeu uma mensagem do tipo {kind}: um app HTTP envia http.response.start e depois http.response.body',
    noResponse:
      "Seu app retornou sem resposta: await send({'type': 'http.response.start', ...}) e depois envie o corpo.",
    unfinished:
      'Seu app retornou antes de a resposta terminar: o último http.response.body precisa ter more_body False (o padrão).',
    noApp: 'Defina o seu app no nível de cima do módulo: async def app(scope, receive, send): ...',
    notAsync: 'app precisa ser uma função async: async def app(scope, receive, send)',
  },
};

/** What each member of an API lab's `env` (or a Python app's scope) means, and the note under the editor. */
export const apiEnv: Messages['lab']['env'] = {
  dbQuery:
    'Roda um comando SQL no Postgres do lab, com $1, $2 … ligados a params; as linhas são objetos indexados pelo nome da coluna. Um comando que falha rejeita com um erro que traz o código, o detalhe e a constraint que o Postgres informa.',
  dbTransaction:
    'Roda a sua função entre BEGIN e COMMIT, passando a ela tx, o cliente da própria transação: rode os comandos dela com tx.query. Um env.db.query dentro da função é recusado, porque num pool de verdade ele pegaria outra conexão, fora da transação. Se a função lançar um erro, a transação sofre rollback e a promise é rejeitada.',
  now: 'O relógio do lab, em milissegundos desde 1970; Date.now() e new Date() também o leem, e os testes o adiantam.',
  setting: 'Uma configuração deste lab: "{value}".',
  scope:
    'A requisição, como o uvicorn a entrega: o método em maiúsculas, o caminho já decodificado (raw_path o guarda como foi enviado), a query string em bytes (urllib.parse.parse_qs a lê) e os cabeçalhos como uma lista de pares (nome, valor) em bytes, com nomes em minúsculas.',
  receive: 'O corpo da requisição, em bytes, num único evento.',
  send: 'Começa a resposta: uma vez, antes do corpo, com um status int e os cabeçalhos como pares (nome, valor) em bytes. Depois, await send({"type": "http.response.body", "body": b"…"}) com o corpo em bytes; retornar antes disso é uma requisição que falhou.',
  sendJson:
    'Do asgi_json: os dois eventos de uma vez, o corpo como JSON (json.dumps) com Content-Type application/json, a menos que os seus cabeçalhos digam outro; cabeçalhos como pares (nome, valor) de str. read_json(receive) e read_body(receive) leem a requisição do mesmo jeito.',
  db: 'Uma conexão no estilo do asyncpg no Postgres do lab: fetch, fetchrow, fetchval e execute, com argumentos como $1, $2 …, e async with db.transaction(): em volta dos comandos que dão certo ou falham juntos. Um comando que falha lança uma exceção do asyncpg (import asyncpg para as classes) com o sqlstate, o detail e o constraint_name do Postgres. Uma linha é um Record: row["nome"], ou dict(row). As colunas vêm como o asyncpg as entrega: numeric como Decimal, timestamptz como um datetime com fuso, json e jsonb como texto; o json.dumps (e portanto o send_json) não aceita os dois primeiros, então converta-os antes em str ou int (.isoformat()).',
  clock: 'O relógio do lab, um datetime UTC com fuso; os testes o adiantam.',
  print:
    'Escreve no log mostrado ao lado de cada requisição: é ali que um erro deve ir, já que o corpo da resposta é público.',
  environ: 'As configurações do lab: {names}.',
  runPython:
    'Seu rascunho fica guardado neste navegador enquanto você digita. Seu módulo é carregado uma vez para cada teste oculto e mantido para as requisições dele, como um processo de servidor o mantém, então uma variável de módulo dura aquele teste e mais nada. Uma requisição é interrompida depois de {request} segundos; uma verificação inteira depois de {check}, ou na hora, com Parar.',
  runJavascript:
    'Seu rascunho fica guardado neste navegador enquanto você digita. Cada requisição carrega o seu módulo do zero, como uma plataforma serverless pode fazer, então uma variável de módulo está vazia toda vez. Uma requisição é interrompida depois de {request} segundos; uma verificação inteira depois de {check}, ou na hora, com Parar.',
};
