// Runs the script of an actions/github-script step the way the action does (an async function of require, github,
// context; a relative require is resolved from the working directory), against an in-memory GitHub that keeps
// comments, issues, pull requests, branches and commits, so tests can check what a workflow does to a repository.
// stdin: {"script", "comments", "issues", "pulls", "refs", "commits", "issueNumber", "ref", "sha"}; the working directory
// holds the files the script reads. stdout: {"comments", "issues", "pulls", "refs", "commits", "calls"} after the run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const input = JSON.parse(readFileSync(0, 'utf8'));
const state = {
  comments: input.comments ?? [], issues: input.issues ?? [], pulls: input.pulls ?? [],
  refs: input.refs ?? {}, commits: input.commits ?? {}, calls: [],
};
const defaultIssue = input.issueNumber ?? 7;
let nextId = 1000 + state.pulls.length + state.issues.length + state.comments.length;

const failure = (status, message) => Object.assign(new Error(message), { status });
const hash = text => createHash('sha1').update(text).digest('hex');
const branchOf = ref => ref.replace(/^refs\//, '').replace(/^heads\//, '');
const head = branch => state.refs[branch] ?? (() => { throw failure(404, `no branch ${branch}`); })();
const pull = number => state.pulls.find(p => p.number === number) ?? (() => { throw failure(404, `no pull #${number}`); })();

/** Every commit reachable from a commit, itself included. */
function ancestry(sha) {
  const seen = new Set();
  for (const stack = [sha]; stack.length > 0;) {
    const next = stack.pop();
    if (next && !seen.has(next)) { seen.add(next); stack.push(...(state.commits[next]?.parents ?? [])); }
  }
  return seen;
}

const rest = {
  issues: {
    listComments: async ({ issue_number }) => ({ data: state.comments.filter(c => (c.issue_number ?? defaultIssue) === issue_number) }),
    createComment: async ({ issue_number, body }) => {
      state.calls.push('createComment');
      state.comments.push({ id: nextId++, issue_number, user: { type: 'Bot' }, body });
    },
    updateComment: async ({ comment_id, body }) => {
      state.calls.push('updateComment');
      state.comments.find(c => c.id === comment_id).body = body;
    },
    addLabels: async ({ issue_number, labels }) => {
      state.calls.push('addLabels');
      pull(issue_number).labels.push(...labels);
    },
    listForRepo: async ({ state: wanted, labels }) =>
      ({ data: state.issues.filter(i => i.state === wanted && i.labels.includes(labels)) }),
    create: async ({ title, body, labels }) => {
      state.calls.push('create');
      state.issues.push({ number: nextId++, state: 'open', title, body, labels });
    },
    update: async ({ issue_number, body }) => {
      state.calls.push('update');
      state.issues.find(i => i.number === issue_number).body = body;
    },
  },
  pulls: {
    list: async ({ state: wanted = 'open', head: owned, base }) => ({
      data: state.pulls.filter(p => (wanted === 'all' || p.state === wanted) && (!base || p.base.ref === base)
        && (!owned || `acx:${p.head.ref}` === owned)),
    }),
    create: async ({ title, head: branch, base, body }) => {
      state.calls.push('pulls.create');
      if (ancestry(head(base)).has(head(branch))) throw failure(422, `No commits between ${base} and ${branch}`);
      const created = { number: nextId++, state: 'open', title, body, head: { ref: branch }, base: { ref: base }, labels: [] };
      state.pulls.push(created);
      return { data: created };
    },
    update: async ({ pull_number, ...changes }) => {
      state.calls.push('pulls.update');
      Object.assign(pull(pull_number), changes);
    },
    listCommits: async ({ pull_number }) => {
      const { head: { ref }, base } = pull(pull_number);
      const onBase = ancestry(head(base.ref));
      const shas = [...ancestry(head(ref))].filter(sha => !onBase.has(sha));
      return { data: shas.map(sha => ({ sha, commit: { message: state.commits[sha].message } })) };
    },
  },
  git: {
    getRef: async ({ ref }) => ({ data: { object: { sha: head(branchOf(ref)) } } }),
    createRef: async ({ ref, sha }) => {
      state.calls.push('git.createRef');
      if (state.refs[branchOf(ref)]) throw failure(422, 'Reference already exists');
      state.refs[branchOf(ref)] = sha;
    },
    updateRef: async ({ ref, sha, force }) => {
      state.calls.push('git.updateRef');
      if (!force && !ancestry(sha).has(head(branchOf(ref)))) throw failure(422, 'Update is not a fast forward');
      state.refs[branchOf(ref)] = sha;
    },
    deleteRef: async ({ ref }) => {
      state.calls.push('git.deleteRef');
      head(branchOf(ref));
      delete state.refs[branchOf(ref)];
    },
  },
  repos: {
    getContent: async ({ path: file, ref }) => {
      const content = state.commits[head(branchOf(ref))].files[file];
      if (content === undefined) throw failure(404, `no ${file} on ${ref}`);
      return { data: { sha: hash(content), content: Buffer.from(content, 'utf8').toString('base64') } };
    },
    createOrUpdateFileContents: async ({ path: file, message, content, branch, sha }) => {
      state.calls.push('repos.createOrUpdateFileContents');
      const parent = head(branch);
      const files = state.commits[parent].files;
      if (files[file] !== undefined && hash(files[file]) !== sha) throw failure(409, `${file} does not match ${sha}`);
      const commit = { message, parents: [parent], files: { ...files, [file]: Buffer.from(content, 'base64').toString('utf8') } };
      const created = hash(JSON.stringify(commit));
      state.commits[created] = commit;
      state.refs[branch] = created;
    },
  },
};
const github = { rest, paginate: async (method, params) => (await method(params)).data };
const context = {
  repo: { owner: 'acx', repo: 'cleanrooms' },
  issue: { number: defaultIssue },
  serverUrl: 'https://github.com',
  runId: 42,
  ref: input.ref ?? 'refs/heads/main',
  sha: input.sha ?? state.refs.main,
};

// github-script resolves a relative require from the working directory (the workspace), any other from the action.
const fromWorkspace = createRequire(path.join(process.cwd(), 'workspace.js'));
const fromHere = createRequire(import.meta.url);
const require = id => (id.startsWith('.') ? fromWorkspace(id) : fromHere(id));

// What the script logs goes to the job log (stderr here); stdout carries the repository afterwards.
console.log = (...args) => console.error(...args);
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
await new AsyncFunction('require', 'github', 'context', input.script)(require, github, context);
process.stdout.write(JSON.stringify(state));
