import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The zones of architecture.md, checked against the project's real lint configuration.
const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('import boundaries', () => {
  it('content and popup may not import background code or dexie', async () => {
    expect(
      await problems(
        'src/content/x.ts',
        "import { a } from '../background/db/database';\nexport const b = a;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await problems('src/popup/x.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n"),
    ).toContain('no-restricted-imports');
  });

  it('core imports no DOM, extension API or dexie', async () => {
    expect(
      await problems(
        'src/core/x.ts',
        "import browser from 'webextension-polyfill';\nexport const b = browser;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await problems('src/core/x.ts', 'export const title = document.title;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it('the background may import dexie and core', async () => {
    expect(
      await problems(
        'src/background/x.ts',
        "import Dexie from 'dexie';\nimport { CHANNEL } from '../core/protocol';\nexport const d = [Dexie, CHANNEL];\n",
      ),
    ).toEqual([]);
  });
});
