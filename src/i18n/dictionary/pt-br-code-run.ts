/**
 * O que o harness de um lab de código diz de uma execução, em português do Brasil: em JavaScript e TypeScript
 * (`codeRun`) e em Python (`pythonRun`). Translated from src/lib/labs/code/code-words.ts (with
 * src/lib/labs/engine/harness-words.ts) and src/lib/labs/python/python-words.ts; the terms follow
 * content/translations/pt-br/glossary.yaml.
 */
import type { Messages } from './messages.ts';
import { runStop } from './pt-br-lab-run.ts';

/** O que o `assert` de um lab de código e o próprio harness dizem (src/lib/labs/code/code-words.ts). */
export const codeRun: Messages['codeRun'] = {
  assert: {
    expectedGot: 'esperava-se {expected}, mas veio {actual}',
    anythingBut: 'esperava-se qualquer coisa exceto {value}',
    got: 'veio {value}',
    closeTo: 'esperava-se {expected} ± {tolerance}, mas veio {actual}',
    returned: 'a função retornou normalmente',
    threw: 'a função lançou {error}; esperava-se {expected}',
    resolved: 'a promise foi resolvida',
    rejected: 'a promise foi rejeitada com {error}; esperava-se {expected}',
    shortest: 'a menor sequência que falha é {steps} — {why}',
    noStep: '(nenhum passo)',
    value: 'valor',
    trueValue: 'esperava-se um valor verdadeiro',
    toThrow: 'esperava-se que a função lançasse um erro',
    toReject: 'esperava-se que a promise fosse rejeitada',
    randomOperations: 'em operações aleatórias',
    threwValue: 'lançou {value}',
    forgotAwait: 'Promise {…} (faltou um await?)',
    cannotShow: '(um valor que não pode ser mostrado)',
  },
  stop: runStop,
  neverFinished:
    'Não terminou: o teste ficou esperando uma promise que nunca foi resolvida (faltou um await, um resolve ou um clock.advance?).',
  didNotFinish: 'Não terminou antes de a execução ser interrompida, aos {seconds} segundos.',
  leftover:
    'Um trabalho que o seu código deixou rodando falhou: {message}. Procure uma cadeia de promises ou uma recursão que nunca termina.',
  endless:
    'Um trabalho que o seu código deixou rodando falhou: ele enfileirou jobs de promise um atrás do outro, muito mais do que qualquer tarefa precisa, e nunca teria parado. Procure uma cadeia de promises ou uma recursão que nunca termina.',
};

/** O que os helpers e o runner de um lab em Python dizem (src/lib/labs/python/python-words.ts). */
export const pythonRun: Messages['pythonRun'] = {
  helpers: {
    expectedGot: '{label}: esperava-se {expected}, mas veio {actual}{note}',
    typeNote: ' ({actual}, não {expected})',
    expectedTrue: '{label}: esperava-se True, mas veio {actual}',
    raisedOther: '{label}: esperava-se {expected}, mas veio {error}',
    raisedNothing: '{label}: esperava-se que {expected} fosse lançada, mas nada foi lançado',
    value: 'valor',
    condition: 'condição',
    call: 'chamada',
    reprRaised: '<um objeto cujo repr lançou {error}>',
  },
  runner: {
    waited: 'Não terminou: o teste ficou esperando algo que nunca aconteceu até o limite de tempo.',
    tampered: 'O seu código alterou os testes ou os helpers deles enquanto o teste rodava.',
  },
  memory: 'O seu código precisou de mais do que os {mb} MB de memória do lab.',
  openTransaction:
    'O seu código retornou com uma transação ainda aberta, então o trabalho dela foi desfeito (rollback): uma transação que o seu código começa precisa terminar, com commit ou rollback, antes de ele retornar.',
  tooManyStatements: 'recusado: mais de {max} comandos num só teste',
  observedEnded: '{label}: o teste terminou antes de este valor ser observado; uma resposta correta dá {expected}',
  observedDiffers: '{label}: veio {actual}; uma resposta correta dá {expected}',
  observedAs: '{label} (observado como {other})',
  observedMore: '{label}: observado uma vez a mais do que numa resposta correta',
  stop: runStop,
};
