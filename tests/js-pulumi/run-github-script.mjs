// Runs the script of an actions/github-script step the way the action does (an async function of require, github,
// context), against an in-memory GitHub that keeps comments and issues, so tests can check what the workflow posts.
// stdin: {"script", "comments": [...], "issues": [...], "issueNumber"}; the working directory holds the files the
// script reads. stdout: {"comments", "issues", "calls"} after the run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const input = JSON.parse(readFileSync(0, 'utf8'));
const state = { comments: input.comments ?? [], issues: input.issues ?? [], calls: [] };
let nextId = 1000;

const rest = {
  issues: {
    listComments: async () => ({ data: state.comments }),
    createComment: async ({ body }) => {
      state.calls.push('createComment');
      state.comments.push({ id: nextId++, user: { type: 'Bot' }, body });
    },
    updateComment: async ({ comment_id, body }) => {
      state.calls.push('updateComment');
      state.comments.find(c => c.id === comment_id).body = body;
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
};
const github = { rest, paginate: async (method, params) => (await method(params)).data };
const context = {
  repo: { owner: 'acx', repo: 'cleanrooms' },
  issue: { number: input.issueNumber ?? 7 },
  serverUrl: 'https://github.com',
  runId: 42,
};

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
await new AsyncFunction('require', 'github', 'context', input.script)(createRequire(import.meta.url), github, context);
process.stdout.write(JSON.stringify(state));
