import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { bulletinCommands, commandProblems } from '../helpers/command-lines.js';

const read = (name: string) => parse(readFileSync(join(ROOT, 'examples', name), 'utf8')) as Record<string, unknown>;

interface GitHubStep {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface GitLabJob {
  image?: string;
  before_script?: string[];
  script?: string[];
  artifacts?: { when?: string; paths?: string[] };
  cache?: { paths?: string[] };
}

const github = read('github-actions.yml') as {
  jobs: Record<string, { steps: GitHubStep[] }>;
  env: Record<string, string>;
};
const githubSteps = Object.values(github.jobs).flatMap((j) => j.steps);
const githubScript = githubSteps.map((s) => s.run ?? '').join('\n');
const gitlab = read('gitlab-ci.yml') as Record<string, GitLabJob> & { variables: Record<string, string> };
const gitlabJob = gitlab.bulletin as GitLabJob;
const gitlabScript = [...(gitlabJob.before_script ?? []), ...(gitlabJob.script ?? [])].join('\n');

describe.each([
  ['github-actions.yml', githubScript],
  ['gitlab-ci.yml', gitlabScript],
])('examples/%s', (_name, script) => {
  it('runs only bulletin commands and flags that exist', () => {
    const commands = bulletinCommands(script);
    expect(commands.map((c) => c[0])).toEqual(expect.arrayContaining(['doctor', 'build']));
    expect(commands.flatMap((c) => commandProblems(c))).toEqual([]);
  });

  it('installs a pinned tarball or git URL, never an unpinned registry name, and no browser download', () => {
    expect(script).toMatch(/npm install --global [^\n]*"\$BULLETIN_PACKAGE"/);
    expect(script).not.toMatch(/npm install[^\n]*\s(bulletin|@hunan-recall\/bulletin)(\s|$)/);
    expect(script).not.toMatch(/puppeteer/);
  });

  it('builds with --json into a report and takes the quarter from the input or the changed folders', () => {
    expect(script).toMatch(/bulletin build --quarter "\$QUARTERS?" --json > reports\/build\.json/);
    expect(script).toContain("grep -oE '^data/[0-9]{4}Q[1-4]/'");
  });
});

describe('the GitHub workflow', () => {
  it('pins the package, caches npm and the layout cache, uploads the outputs and reports even on failure', () => {
    expect(github.env.BULLETIN_PACKAGE).toMatch(/v\d+\.\d+\.\d+\/.*\.tgz$|#v\d+\.\d+\.\d+$/);
    const cache = githubSteps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(String(cache?.with?.path)).toContain('~/.npm');
    expect(String(cache?.with?.path)).toContain('.bulletin-cache');
    expect(github.env.BULLETIN_CACHE_DIR).toContain('.bulletin-cache');
    const upload = githubSteps.find((s) => s.uses?.startsWith('actions/upload-artifact@')) as GitHubStep & {
      if?: string;
    };
    expect(upload.if).toBe('always()');
    for (const f of ['bulletin.pdf', 'bulletin.html', 'stats.json', 'reports/*.json'])
      expect(String(upload.with?.path)).toContain(f);
  });
});

describe('the GitLab job', () => {
  it('uses a Debian image with apt-get chromium, an npm mirror by variable, caches, and keeps artifacts always', () => {
    expect(gitlabJob.image).toMatch(/bookworm|debian/);
    expect(gitlabScript).toMatch(/apt-get install [^\n]*chromium/);
    expect(gitlabScript).toContain('npm config set registry "$NPM_REGISTRY"');
    expect(gitlab.variables.NPM_REGISTRY).toMatch(/^https:\/\//);
    expect(gitlabJob.cache?.paths).toEqual(expect.arrayContaining(['.npm/', '.bulletin-cache/']));
    expect(gitlabJob.artifacts?.when).toBe('always');
    expect(gitlabJob.artifacts?.paths).toEqual(expect.arrayContaining(['out/*/bulletin.pdf', 'reports/']));
  });
});

describe('the command-line checker itself', () => {
  it('catches a flag that does not exist, a missing value and an unknown command', () => {
    expect(commandProblems(['build', '--quartr', '2022Q3'])).toEqual(['build: no option --quartr']);
    expect(commandProblems(['build', '--quarter', '--json'])).toEqual(['build: --quarter needs a value']);
    expect(commandProblems(['publish'])).toEqual(['no command "publish"']);
    expect(bulletinCommands('npx bulletin validate data/2022Q3 --json > v.json || true')).toEqual([
      ['validate', 'data/2022Q3', '--json'],
    ]);
  });
});
