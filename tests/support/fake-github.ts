/**
 * An in-process fake of the GitHub API, just enough for Sveltia CMS (0.221.1, `backend: github`,
 * `publish_mode: editorial_workflow`) to sign in with a token, load a branch and save an entry
 * through the editorial workflow, with no network. It is installed as Playwright routes on a
 * browser context and keeps a tiny Git model (blobs, commits, branches) in memory.
 *
 * It answers only the requests the CMS was seen to make (see the CMS's own source:
 * src/lib/services/backends/git/github/ in sveltia/sveltia-cms). Anything else is recorded in
 * `unanswered` and gets a 404, so a gap shows instead of being papered over.
 *
 * GraphQL is not executed: each query the CMS sends has a fixed shape, recognised by the field it
 * asks for (`defaultBranchRef`, `createCommitOnBranch`, aliased `content_0: object(oid: …)`, …).
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Request, Route } from 'playwright-core';

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  /** The branch the CMS is configured with; it is also the repository's default branch. */
  branch: string;
  /** The branch's files: repository path → base64 contents. */
  files: Record<string, string>;
  /** The signed-in user (GET /user). */
  user?: { login: string; id: number; name: string; email: string };
}

/** A commit the CMS made, with what it wrote. */
export interface RecordedCommit {
  oid: string;
  branch: string;
  parent: string;
  message: string;
  /** Added or changed files, contents decoded as UTF-8 (`base64` keeps binary files exact). */
  files: { path: string; contents: string; base64: string }[];
  deletions: string[];
}

export interface RecordedPullRequest {
  number: number;
  nodeId: string;
  title: string;
  head: string;
  base: string;
  body: string;
  draft: boolean;
  state: 'open' | 'closed';
  labels: string[];
  /** The branch head the pull request was based on (its merge base, as the fake never merges). */
  baseOid: string;
}

/** Every write, in the order it came. `pullRequests` are live: label and draft changes update them. */
export interface FakeGitHubWrites {
  refs: { name: string; oid: string }[];
  refUpdates: { name: string; oid: string; force: boolean }[];
  refDeletions: string[];
  commits: RecordedCommit[];
  pullRequests: RecordedPullRequest[];
  labelChanges: { number: number; labels: string[]; via: 'add' | 'replace' }[];
  draftChanges: { number: number; draft: boolean }[];
}

export interface FakeGitHub {
  writes: FakeGitHubWrites;
  /** Every API request: "METHOD /path" (GraphQL: "POST /graphql <operation>"). */
  requests: string[];
  /** Requests the fake could not answer (answered 404). */
  unanswered: string[];
  /** Current head of a branch, for assertions. */
  head: (branch: string) => string | undefined;
  /** Text of a file on a branch, for assertions. */
  read: (branch: string, path: string) => string | undefined;
}

interface Commit {
  oid: string;
  parent: string | undefined;
  message: string;
  date: string;
  /** The full tree: path → blob SHA. */
  tree: Map<string, string>;
  /** Paths this commit added, changed or deleted (for file history). */
  changed: Set<string>;
}

type Json = Record<string, unknown>;

const API = 'https://api.github.com';
/** GitHub allows any origin (the CMS sends a token, not cookies); the page's fetch needs these. */
const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'etag, link, x-github-request-id' };
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const DEFAULT_USER = { login: 'bien-tap-vien', id: 4242, name: 'Biên tập viên', email: 'bien-tap-vien@example.com' };

/** Git's object ID of a blob, so SHAs look (and compare) like GitHub's. */
function blobSha(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/** A JSON string literal at the start of `text` (a path or SHA the CMS embedded in a query). */
function readStringLiteral(text: string): string | undefined {
  const match = /^\s*("(?:[^"\\]|\\.)*")/.exec(text);
  return match ? (JSON.parse(match[1]!) as string) : undefined;
}

/** The aliased fields of a batched query: `content_3: object(oid: "…") {…}` → { content_3: "object(oid: "…") {…}" }. */
function aliasedFields(query: string): Map<string, string> {
  const fields = new Map<string, string>();
  const pattern = /(\b[a-z]+_\d+): /g;
  const starts = [...query.matchAll(pattern)];
  starts.forEach((match, index) => {
    const end = starts[index + 1]?.index ?? query.length;
    fields.set(match[1]!, query.slice(match.index + match[0].length, end).trim());
  });
  return fields;
}

/** A short name for a GraphQL query, for the request log. */
function operationName(query: string): string {
  const mutation = /mutation\s*\([^)]*\)\s*\{\s*(\w+)/.exec(query);
  if (mutation) return `mutation ${mutation[1]}`;
  const alias = /\b([a-z]+)_\d+:\s+(\w+\([^)]*\))/.exec(query);
  if (alias) return `query ${alias[1]}_N: ${alias[2]!.replace(/"(?:[^"\\]|\\.)*"/, '"…"')}${query.includes('history(') ? ' history' : ''}`;
  for (const field of ['defaultBranchRef', 'fork: repository', 'pullRequests(headRefName', 'pullRequests(', 'history(first: 1)']) {
    if (query.includes(field)) return `query ${field}`;
  }
  if (query.includes('ref(qualifiedName')) return 'query ref(qualifiedName) { target { oid } }';
  return `query ${query.slice(0, 80)}`;
}

/** The in-memory repository: blobs, commits and branches. */
class Repository {
  blobs = new Map<string, Buffer>();
  commits = new Map<string, Commit>();
  branches = new Map<string, string>();
  private clock = Date.parse('2025-01-01T00:00:00Z');

  constructor(branch: string, files: Record<string, string>) {
    const tree = new Map<string, string>();
    for (const [path, base64] of Object.entries(files)) tree.set(path, this.putBlob(Buffer.from(base64, 'base64')));
    const root = this.addCommit(undefined, 'Initial commit', tree, new Set(tree.keys()));
    this.branches.set(branch, root.oid);
  }

  putBlob(data: Buffer): string {
    const sha = blobSha(data);
    this.blobs.set(sha, data);
    return sha;
  }

  addCommit(parent: string | undefined, message: string, tree: Map<string, string>, changed: Set<string>): Commit {
    this.clock += 60_000;
    const date = new Date(this.clock).toISOString();
    const oid = createHash('sha1')
      .update(`commit ${parent ?? ''} ${date} ${message} ${[...tree].join()}`)
      .digest('hex');
    const commit = { oid, parent, message, date, tree, changed };
    this.commits.set(oid, commit);
    return commit;
  }

  /** A commit by SHA, or the head of a branch (with or without `refs/heads/`). */
  resolve(revision: string): Commit | undefined {
    const oid = this.branches.get(revision.replace(/^refs\/heads\//, '')) ?? revision;
    return this.commits.get(oid);
  }

  /** Commits reachable from `start`, newest first, that touched `path` (all of them without one). */
  history(start: Commit, path?: string): Commit[] {
    const found: Commit[] = [];
    for (let commit: Commit | undefined = start; commit; commit = commit.parent ? this.commits.get(commit.parent) : undefined) {
      if (path === undefined || commit.changed.has(path)) found.push(commit);
    }
    return found;
  }
}

/**
 * Install the fake on `context`: routes for https://api.github.com/** and GitHub's status page.
 * Returns the recorded writes and requests, which fill in as the CMS runs.
 */
export async function fakeGitHub(context: BrowserContext, options: FakeGitHubOptions): Promise<FakeGitHub> {
  const { owner, repo, branch: defaultBranch } = options;
  const user = options.user ?? DEFAULT_USER;
  const git = new Repository(defaultBranch, options.files);
  const writes: FakeGitHubWrites = { refs: [], refUpdates: [], refDeletions: [], commits: [], pullRequests: [], labelChanges: [], draftChanges: [] };
  const requests: string[] = [];
  const unanswered: string[] = [];
  const repoPath = `/repos/${owner}/${repo}`;
  const repositoryId = `R_fake_${owner}_${repo}`;

  const isThisRepository = (o: unknown, r: unknown) => o === owner && r === repo;
  const pullRequest = (number: number) => writes.pullRequests.find((pr) => pr.number === number);

  // ---- REST ----------------------------------------------------------------------------------

  /** GET /user: the CMS reads id, name, login, email, avatar_url, html_url. */
  const getUser = (): Json => ({ ...user, avatar_url: `https://avatars.githubusercontent.com/u/${user.id}`, html_url: `https://github.com/${user.login}`, type: 'User' });

  /** GET /repos/o/r/git/trees/<sha or branch>?recursive=1: the CMS keeps the blobs' path, sha, size. */
  function getTree(revision: string): Json | undefined {
    const commit = git.resolve(decodeURIComponent(revision));
    if (!commit) return undefined;
    const tree = [...commit.tree].map(([path, sha]) => ({ path, mode: '100644', type: 'blob', sha, size: git.blobs.get(sha)!.length, url: `${API}${repoPath}/git/blobs/${sha}` }));
    return { sha: commit.oid, url: `${API}${repoPath}/git/trees/${commit.oid}`, tree, truncated: false };
  }

  /** POST /repos/o/r/pulls: the CMS reads number, node_id, title, html_url, head.sha, created_at, updated_at. */
  function createPull(body: Json): Json | undefined {
    const head = String(body['head']);
    const base = String(body['base']);
    const headCommit = git.resolve(head);
    const baseOid = git.branches.get(base);
    if (!headCommit || !baseOid) return undefined;
    const number = writes.pullRequests.length + 1;
    const pr: RecordedPullRequest = { number, nodeId: `PR_fake_${number}`, title: String(body['title']), head, base, body: String(body['body'] ?? ''), draft: body['draft'] === true, state: 'open', labels: [], baseOid };
    writes.pullRequests.push(pr);
    return restPull(pr);
  }

  function restPull(pr: RecordedPullRequest): Json {
    const date = new Date().toISOString();
    return {
      number: pr.number,
      node_id: pr.nodeId,
      title: pr.title,
      body: pr.body,
      state: pr.state,
      draft: pr.draft,
      html_url: `https://github.com/${owner}/${repo}/pull/${pr.number}`,
      head: { ref: pr.head, sha: git.branches.get(pr.head) },
      base: { ref: pr.base, sha: git.branches.get(pr.base) },
      labels: pr.labels.map((name) => ({ name })),
      created_at: date,
      updated_at: date,
    };
  }

  /** The issue side of a pull request (labels live there): the CMS reads `labels[].name`. */
  const restIssue = (pr: RecordedPullRequest): Json => ({ number: pr.number, title: pr.title, state: pr.state, labels: pr.labels.map((name) => ({ name })), pull_request: { url: `${API}${repoPath}/pulls/${pr.number}` } });

  /** The REST routes, as [method, pattern, handler]; a handler returning undefined means 404. */
  type RestHandler = (match: RegExpExecArray, body: Json, request: Request) => { status?: number; json?: unknown; raw?: Buffer } | undefined;
  const escaped = repoPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rest: [string, RegExp, RestHandler][] = [
    // Sign-in: the token's user.
    ['GET', /^\/user$/, () => ({ json: getUser() })],
    // Access check: 204 for a collaborator (the CMS only looks at `ok`).
    ['GET', new RegExp(`^${escaped}/collaborators/([^/]+)$`), (m) => (decodeURIComponent(m[1]!) === user.login ? { status: 204 } : undefined)],
    // The file list of the branch's last commit.
    [
      'GET',
      new RegExp(`^${escaped}/git/trees/(.+)$`),
      (m) => {
        const tree = getTree(m[1]!);
        return tree && { json: tree };
      },
    ],
    // A blob, raw (Accept: application/vnd.github.raw): assets, and texts GraphQL truncated.
    [
      'GET',
      new RegExp(`^${escaped}/git/blobs/([0-9a-f]{40})$`),
      (m, _body, request) => {
        const data = git.blobs.get(m[1]!);
        if (!data) return undefined;
        const raw = (request.headers()['accept'] ?? '').includes('raw');
        return raw ? { raw: data } : { json: { sha: m[1], size: data.length, encoding: 'base64', content: data.toString('base64') } };
      },
    ],
    // Editorial workflow: open the pull request, then label it.
    [
      'POST',
      new RegExp(`^${escaped}/pulls$`),
      (_m, body) => {
        const pr = createPull(body);
        return pr ? { status: 201, json: pr } : { status: 422, json: { message: 'Validation Failed' } };
      },
    ],
    [
      'POST',
      new RegExp(`^${escaped}/issues/(\\d+)/labels$`),
      (m, body) => {
        const pr = pullRequest(Number(m[1]));
        if (!pr) return undefined;
        const added = (body['labels'] as string[]).filter((name) => !pr.labels.includes(name));
        pr.labels.push(...added);
        writes.labelChanges.push({ number: pr.number, labels: [...pr.labels], via: 'add' });
        return { json: pr.labels.map((name) => ({ name })) };
      },
    ],
    // Status change: read the labels, then replace them.
    [
      'GET',
      new RegExp(`^${escaped}/issues/(\\d+)$`),
      (m) => {
        const pr = pullRequest(Number(m[1]));
        return pr && { json: restIssue(pr) };
      },
    ],
    [
      'PATCH',
      new RegExp(`^${escaped}/issues/(\\d+)$`),
      (m, body) => {
        const pr = pullRequest(Number(m[1]));
        if (!pr) return undefined;
        if (Array.isArray(body['labels'])) {
          pr.labels = (body['labels'] as string[]).map(String);
          writes.labelChanges.push({ number: pr.number, labels: [...pr.labels], via: 'replace' });
        }
        return { json: restIssue(pr) };
      },
    ],
    // A leftover workflow branch is reset to the base branch's head (createBranch, "already exists").
    [
      'PATCH',
      new RegExp(`^${escaped}/git/refs/heads/(.+)$`),
      (m, body) => {
        const name = decodeURI(m[1]!);
        const oid = String(body['sha']);
        if (!git.branches.has(name) || !git.commits.has(oid)) return undefined;
        git.branches.set(name, oid);
        writes.refUpdates.push({ name, oid, force: body['force'] === true });
        return { json: { ref: `refs/heads/${name}`, object: { type: 'commit', sha: oid } } };
      },
    ],
  ];

  async function answerRest(route: Route, request: Request, path: string): Promise<void> {
    const method = request.method();
    const body = (request.postDataJSON() as Json | null) ?? {};
    for (const [verb, pattern, handler] of rest) {
      const match = verb === method ? pattern.exec(path) : null;
      if (!match) continue;
      const answer = handler(match, body, request);
      if (!answer) break;
      if (answer.raw) return route.fulfill({ status: 200, headers: CORS, body: answer.raw, contentType: 'application/octet-stream' });
      return route.fulfill({ status: answer.status ?? 200, headers: CORS, contentType: 'application/json', body: answer.json === undefined ? '' : JSON.stringify(answer.json) });
    }
    return notFound(route, `${method} ${path}`);
  }

  async function notFound(route: Route, what: string): Promise<void> {
    unanswered.push(what);
    return route.fulfill({ status: 404, headers: CORS, json: { message: 'Not Found (fake GitHub: not implemented)', documentation_url: 'https://docs.github.com/rest' } });
  }

  // ---- GraphQL -------------------------------------------------------------------------------

  /** A commit as the CMS's history selections read it (oid, message, author, committedDate). */
  const commitNode = (commit: Commit): Json => ({
    oid: commit.oid,
    message: commit.message,
    committedDate: commit.date,
    author: { name: user.name, email: user.email, avatarUrl: getUser()['avatar_url'], user: { id: user.id, login: user.login } },
  });

  /** `ref(qualifiedName: $branch) { target { ... on Commit { oid history(first: N[, path: "…"]) { nodes } } } }`. */
  function refField(selection: string, branch: string): Json | null {
    const commit = git.resolve(branch);
    if (!commit) return null;
    const history = /history\(first: (\d+)(?:, path: ("(?:[^"\\]|\\.)*"))?\)/.exec(selection);
    const path = history?.[2] === undefined ? undefined : (JSON.parse(history[2]) as string);
    const nodes = git
      .history(commit, path)
      .slice(0, Number(history?.[1] ?? 1))
      .map(commitNode);
    return { name: branch, target: { oid: commit.oid, history: { nodes } } };
  }

  /** `object(oid: "…") { ... on Blob { text isTruncated } }` or `object(expression: "branch:path") { ... on Blob {…} }`. */
  function objectField(selection: string): Json | null {
    const byOid = /^object\(oid: /.exec(selection);
    const byExpression = /^object\(expression: /.exec(selection);
    let sha: string | undefined;
    if (byOid) sha = readStringLiteral(selection.slice(byOid[0].length));
    if (byExpression) {
      const expression = readStringLiteral(selection.slice(byExpression[0].length)) ?? '';
      const colon = expression.indexOf(':');
      sha = git.resolve(expression.slice(0, colon))?.tree.get(expression.slice(colon + 1));
    }
    const data = sha === undefined ? undefined : git.blobs.get(sha);
    // A commit SHA (deployment look-ups) is not a blob: null, which the CMS tolerates.
    if (!data || !sha) return null;
    const isBinary = data.includes(0);
    return { oid: sha, byteSize: data.length, isBinary, isTruncated: false, text: isBinary ? null : data.toString('utf8') };
  }

  /** A batch of aliased fields on `repository` (contents, per-file history, pull request files). */
  function aliasedQuery(query: string, variables: Json): Json {
    const result: Json = {};
    for (const [alias, selection] of aliasedFields(query)) {
      if (selection.startsWith('object(')) result[alias] = objectField(selection);
      else if (selection.startsWith('ref(qualifiedName: $branch)')) result[alias] = refField(selection, String(variables['branch']));
      else throw new Error(`unsupported aliased field ${alias}: ${selection.slice(0, 60)}`);
    }
    return result;
  }

  /** Files a pull request changes, as `files { nodes { path changeType } }`. */
  function changedFiles(pr: RecordedPullRequest): Json[] {
    const head = git.resolve(pr.head)?.tree ?? new Map<string, string>();
    const base = git.commits.get(pr.baseOid)?.tree ?? new Map<string, string>();
    const files: Json[] = [];
    for (const [path, sha] of head) if (base.get(path) !== sha) files.push({ path, changeType: base.has(path) ? 'MODIFIED' : 'ADDED' });
    for (const path of base.keys()) if (!head.has(path)) files.push({ path, changeType: 'DELETED' });
    return files;
  }

  /** The open pull requests carrying any of the CMS's status labels, as the board loads them. */
  function pullRequestList(query: string): Json {
    const labels = JSON.parse(/labels: (\[[^\]]*\])/.exec(query)?.[1] ?? '[]') as string[];
    const nodes = writes.pullRequests
      .filter((pr) => pr.state === 'open' && pr.labels.some((label) => labels.includes(label)))
      .map((pr) => ({
        id: pr.nodeId,
        number: pr.number,
        title: pr.title,
        url: `https://github.com/${owner}/${repo}/pull/${pr.number}`,
        isDraft: pr.draft,
        isCrossRepository: false,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        headRefName: pr.head,
        headRefOid: git.branches.get(pr.head),
        author: { login: user.login, avatarUrl: getUser()['avatar_url'], name: user.name, email: user.email, databaseId: user.id },
        labels: { nodes: pr.labels.map((name) => ({ name })) },
        files: { nodes: changedFiles(pr) },
      }));
    return { pullRequests: { nodes } };
  }

  /** `createRef`: a new workflow branch at the base branch's head. */
  function createRef(input: Json): Json {
    const name = String(input['name']).replace(/^refs\/heads\//, '');
    const oid = String(input['oid']);
    if (input['repositoryId'] !== repositoryId) return graphqlError(`Could not resolve to a node with the global id of '${String(input['repositoryId'])}'`, 'NOT_FOUND');
    if (git.branches.has(name)) return graphqlError(`A ref named "refs/heads/${name}" already exists in the repository.`, 'UNPROCESSABLE');
    if (!git.commits.has(oid)) return graphqlError(`Object ${oid} not found`, 'UNPROCESSABLE');
    git.branches.set(name, oid);
    writes.refs.push({ name, oid });
    return { data: { createRef: { ref: { name: `refs/heads/${name}` } } } };
  }

  /** `createCommitOnBranch`: one commit on top of `expectedHeadOid`, answering `file_N: file(path:) { oid }` too. */
  function createCommit(query: string, input: Json): Json {
    const target = input['branch'] as { repositoryNameWithOwner: string; branchName: string };
    const changes = input['fileChanges'] as { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] };
    const name = target.branchName.replace(/^refs\/heads\//, '');
    const head = git.branches.get(name);
    if (target.repositoryNameWithOwner !== `${owner}/${repo}` || !head) return graphqlError(`Could not resolve to a ref named ${name}`, 'NOT_FOUND');
    if (input['expectedHeadOid'] !== head) return graphqlError(`Expected branch to point to "${String(input['expectedHeadOid'])}" but it did not. Pull and try again.`, 'STALE_DATA');
    const tree = new Map(git.commits.get(head)!.tree);
    const changed = new Set<string>();
    const files: RecordedCommit['files'] = [];
    for (const { path } of changes.deletions ?? []) {
      tree.delete(path);
      changed.add(path);
    }
    for (const { path, contents } of changes.additions ?? []) {
      const data = Buffer.from(contents, 'base64');
      tree.set(path, git.putBlob(data));
      changed.add(path);
      files.push({ path, contents: data.toString('utf8'), base64: contents });
    }
    const message = (input['message'] as { headline: string; body?: string }).headline;
    const commit = git.addCommit(head, message, tree, changed);
    git.branches.set(name, commit.oid);
    writes.commits.push({ oid: commit.oid, branch: name, parent: head, message, files, deletions: (changes.deletions ?? []).map(({ path }) => path) });
    const answer: Json = { oid: commit.oid, committedDate: commit.date };
    for (const [alias, selection] of aliasedFields(query)) {
      const path = readStringLiteral(selection.replace(/^file\(path: /, ''));
      const sha = path === undefined ? undefined : tree.get(path);
      answer[alias] = sha ? { oid: sha } : null;
    }
    return { data: { createCommitOnBranch: { commit: answer } } };
  }

  /** `convertPullRequestToDraft` / `markPullRequestReadyForReview`. */
  function setDraft(input: Json, draft: boolean, mutation: string): Json {
    const pr = writes.pullRequests.find(({ nodeId }) => nodeId === input['pullRequestId']);
    if (!pr) return graphqlError(`Could not resolve to a node with the global id of '${String(input['pullRequestId'])}'`, 'NOT_FOUND');
    pr.draft = draft;
    writes.draftChanges.push({ number: pr.number, draft });
    return { data: { [mutation]: { pullRequest: { isDraft: draft } } } };
  }

  const graphqlError = (message: string, type: string): Json => ({ data: null, errors: [{ type, message }] });

  /** One GraphQL request: which of the CMS's queries it is, and its answer (undefined: unknown). */
  function answerGraphQL(query: string, variables: Json): Json | undefined {
    const input = (variables['input'] ?? {}) as Json;
    if (query.includes('createCommitOnBranch(')) return createCommit(query, input);
    if (query.includes('createRef(')) return createRef(input);
    if (query.includes('convertPullRequestToDraft(')) return setDraft(input, true, 'convertPullRequestToDraft');
    if (query.includes('markPullRequestReadyForReview(')) return setDraft(input, false, 'markPullRequestReadyForReview');
    if (query.startsWith('mutation')) return undefined;

    // Every query below is on `repository(owner: $owner, name: $repo)`; another repository is null.
    const branch = String(variables['branch'] ?? defaultBranch);
    const ours = isThisRepository(variables['owner'], variables['repo']);
    // createBranch: the repository that gets the branch (its node ID) and the base branch's head.
    if (query.includes('fork: repository(')) {
      const base = git.resolve(branch);
      return {
        data: {
          fork: isThisRepository(variables['forkOwner'], variables['forkRepo']) ? { id: repositoryId } : null,
          base: ours ? { ref: base ? { target: { oid: base.oid } } : null } : null,
        },
      };
    }
    if (!ours) return { data: { repository: null } };
    if (query.includes('defaultBranchRef')) return { data: { repository: { defaultBranchRef: { name: defaultBranch } } } };
    if (/\b[a-z]+_\d+: /.test(query)) return { data: { repository: aliasedQuery(query, variables) } };
    // createBranch: is a pull request open from a branch that already existed?
    if (query.includes('pullRequests(headRefName: $branch')) {
      const totalCount = writes.pullRequests.filter((pr) => pr.head === branch && pr.state === 'open').length;
      return { data: { repository: { pullRequests: { totalCount } } } };
    }
    if (query.includes('pullRequests(')) return { data: { repository: pullRequestList(query) } };
    // fetchLastCommit (history(first: 1) { nodes { oid message } }) and fetchBranchHeadSHA (oid).
    if (query.includes('ref(qualifiedName: $branch)')) return { data: { repository: { ref: refField(query, branch) } } };
    return undefined;
  }

  async function answerGraphQLRoute(route: Route, request: Request): Promise<void> {
    const { query, variables = {} } = request.postDataJSON() as { query: string; variables?: Json };
    const operation = operationName(query);
    requests.push(`POST /graphql ${operation}`);
    let answer: Json | undefined;
    try {
      answer = answerGraphQL(query.trim(), variables);
    } catch (error) {
      return notFound(route, `POST /graphql ${operation}: ${(error as Error).message}`);
    }
    if (!answer) return notFound(route, `POST /graphql ${operation}: ${query}`);
    return route.fulfill({ status: 200, headers: CORS, json: answer });
  }

  // ---- Routes --------------------------------------------------------------------------------

  // The avatar of GET /user, which the CMS shows in its toolbar (a 1×1 transparent PNG).
  await context.route('https://avatars.githubusercontent.com/**', (route) => route.fulfill({ contentType: 'image/png', body: Buffer.from(PIXEL, 'base64') }));
  // The CMS asks GitHub's status page whether GitHub is up (its CSP allows it); no network here.
  await context.route('https://www.githubstatus.com/**', (route) => route.fulfill({ json: { status: { indicator: 'none', description: 'All Systems Operational' } } }));
  await context.route(`${API}/**`, async (route, request) => {
    const url = new URL(request.url());
    // A CORS preflight (the CMS sends Authorization, which a "*" does not cover), answered as GitHub does.
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...CORS, 'access-control-allow-headers': 'authorization, content-type, accept, *', 'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE' } });
    // Any token signs in, but one has to be sent, as the CMS does with every request ("token <PAT>").
    if (!/^(token|bearer) \S+/i.test(request.headers()['authorization'] ?? '')) {
      unanswered.push(`${request.method()} ${url.pathname} without a token`);
      return route.fulfill({ status: 401, headers: CORS, json: { message: 'Requires authentication' } });
    }
    if (url.pathname === '/graphql' && request.method() === 'POST') return answerGraphQLRoute(route, request);
    requests.push(`${request.method()} ${url.pathname}${url.search}`);
    return answerRest(route, request, url.pathname);
  });

  return {
    writes,
    requests,
    unanswered,
    head: (name) => git.branches.get(name),
    read: (name, path) => {
      const sha = git.resolve(name)?.tree.get(path);
      return sha === undefined ? undefined : git.blobs.get(sha)?.toString('utf8');
    },
  };
}
