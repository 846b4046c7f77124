// One pull request per pending invitation the config doesn't cover, for one stack (invitations.yml). It reads what the
// previous step wrote: invitations.json (`cleanrooms-stack invitations --json`) and, for each uncovered invitation,
// <folder>/<id>/ holding config.yaml (the config after `cleanrooms-stack add <id>`), add.txt and plan.md (the plan of
// accepting it). A pull request is opened once, then kept up to date (branch, description, plan comment) while only
// this workflow has pushed to it; one a person closed is not opened again; when the invitation is no longer pending
// (accepted, declined, withdrawn, or listed by hand), its pull request is closed.
const fs = require('fs');
const path = require('path');
const { planBody, postPlanComment } = require('./plan-comment.js');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Text from AWS as it may appear in a title: no control or invisible characters, one line. */
const plain = text => String(text).replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, '\ufffd');

/** Text from AWS inside Markdown: nothing in it formats, links, mentions anyone or closes an issue. */
const markdown = text => plain(text).replace(/[\\`*_{}[\]()#+\-.!|~<>:]/g, '\\$&').replace(/@/g, '&#64;');

module.exports = async function invitationPullRequests({ github, context, stack = '', folder = 'invitation-changes' }) {
  const { owner, repo } = context.repo;
  const listing = JSON.parse(fs.readFileSync('invitations.json', 'utf8'));
  const base = context.ref.replace(/^refs\/heads\//, '');
  const prefix = `cleanrooms-stack/invitation/${stack ? `${stack}/` : ''}`;
  const branchOf = id => prefix + id;
  const ours = pull => pull.head.ref.startsWith(prefix) && UUID.test(pull.head.ref.slice(prefix.length));
  const open = (await github.paginate(github.rest.pulls.list, { owner, repo, state: 'open', base })).filter(ours);
  const uncovered = listing.invitations.filter(i => !i.inConfig && UUID.test(i.id));

  for (const invitation of uncovered) {
    const dir = path.join(folder, invitation.id);
    const configFile = path.join(dir, 'config.yaml');
    if (!fs.existsSync(configFile)) {
      console.log(`${invitation.id}: cleanrooms-stack add failed (see the previous step's log); no pull request.`);
      continue;
    }
    const change = {
      branch: branchOf(invitation.id),
      content: fs.readFileSync(configFile, 'utf8'),
      title: `Accept the invitation to ${plain(invitation.name)} from ${plain(invitation.creatorDisplayName)}`,
      body: describe(invitation, listing.configFile),
      plan: planBody({ stack, previewOutcome: fs.existsSync(path.join(dir, 'preview-failed')) ? 'failure' : 'success', folder: dir }),
      message: `Accept the invitation to ${plain(invitation.name)}\n\ncleanrooms-stack add ${invitation.id}\n\nCleanrooms-Stack-Invitation: ${invitation.id}`,
    };
    const pull = open.find(p => p.head.ref === change.branch);
    if (pull) await update(pull, change, invitation);
    else await openPullRequest(change, invitation);
  }

  for (const pull of open.filter(p => !uncovered.some(i => branchOf(i.id) === p.head.ref))) {
    const id = pull.head.ref.slice(prefix.length);
    const listed = listing.invitations.find(i => i.id === id);
    const why = listed ? `${listing.configFile} covers it now` : 'it is no longer pending (accepted, declined or withdrawn)';
    await github.rest.issues.createComment({ owner, repo, issue_number: pull.number, body: `Closing: ${why}.` });
    await github.rest.pulls.update({ owner, repo, pull_number: pull.number, state: 'closed' });
    if (await onlyOurCommits(pull, id)) await github.rest.git.deleteRef({ owner, repo, ref: `heads/${pull.head.ref}` });
  }

  async function openPullRequest(change, invitation) {
    const closed = await github.paginate(github.rest.pulls.list, { owner, repo, state: 'closed', head: `${owner}:${change.branch}` });
    if (closed.length > 0) {
      console.log(`${invitation.id}: its pull request #${closed[0].number} was closed; not opened again while the invitation is pending.`);
      return;
    }
    await commit(change);
    const { data: created } = await github.rest.pulls.create({ owner, repo, title: change.title, head: change.branch, base, body: change.body });
    await github.rest.issues.addLabels({ owner, repo, issue_number: created.number, labels: ['invitation'] });
    await postPlanComment({ github, context, issue_number: created.number, stack, body: change.plan });
  }

  /** Refreshes the branch, description and plan, unless a person pushed to the branch: then it is theirs. */
  async function update(pull, change, invitation) {
    if (!(await onlyOurCommits(pull, invitation.id))) {
      console.log(`${invitation.id}: #${pull.number} has commits from a person; left as it is (preview.yml comments on their pushes).`);
      return;
    }
    if ((await fileOn(change.branch)).content !== change.content) await commit(change);
    await github.rest.pulls.update({ owner, repo, pull_number: pull.number, title: change.title, body: change.body });
    await postPlanComment({ github, context, issue_number: pull.number, stack, body: change.plan });
  }

  /** Points the branch at the commit the change was made from and commits the changed config on it. */
  async function commit(change) {
    try {
      await github.rest.git.getRef({ owner, repo, ref: `heads/${change.branch}` });
      await github.rest.git.updateRef({ owner, repo, ref: `heads/${change.branch}`, sha: context.sha, force: true });
    } catch (error) {
      if (error.status !== 404) throw error;
      await github.rest.git.createRef({ owner, repo, ref: `refs/heads/${change.branch}`, sha: context.sha });
    }
    const { sha } = await fileOn(change.branch);
    await github.rest.repos.createOrUpdateFileContents({
      owner, repo, path: listing.configFile, branch: change.branch, message: change.message, sha,
      content: Buffer.from(change.content, 'utf8').toString('base64'),
    });
  }

  async function fileOn(branch) {
    const { data } = await github.rest.repos.getContent({ owner, repo, path: listing.configFile, ref: branch });
    return { sha: data.sha, content: Buffer.from(data.content, 'base64').toString('utf8') };
  }

  async function onlyOurCommits(pull, id) {
    const commits = await github.paginate(github.rest.pulls.listCommits, { owner, repo, pull_number: pull.number });
    return commits.every(c => c.commit.message.includes(`Cleanrooms-Stack-Invitation: ${id}`));
  }
};

function describe(invitation, configFile) {
  const invitedOn = String(invitation.invitedAt).slice(0, 10);
  return [
    `**${markdown(invitation.name)}** (\`${invitation.id}\`): an invitation from ${markdown(invitation.creatorDisplayName)} ` +
      `(${markdown(invitation.creatorAccountId)}), received on ${markdown(invitedOn)}.`,
    '',
    `This pull request adds it to \`${configFile}\` with \`cleanrooms-stack add ${invitation.id}\`: only added lines, ` +
      'checked by `validate`. The comment below is the plan of accepting it.',
    '',
    '- **Merge** to accept it: `apply.yml` runs `up`, which creates the membership and shares what the defaults select.',
    '- **Change it first** if this collaboration needs other settings: push to this branch (from then on this workflow leaves it to you).',
    '- **Close** it to leave the invitation pending; it is not opened again. To decline for good, list the collaboration with `state: left`.',
  ].join('\n');
}
