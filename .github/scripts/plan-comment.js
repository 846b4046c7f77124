// The plan comment of a pull request, shared by preview.yml and invitations.yml: one comment per stack, found by its
// marker among the bot's comments and updated in place, so every push (or nightly run) leaves one current plan.
const fs = require('fs');
const path = require('path');

const read = file => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

/** What finds a stack's comment; the default stack keeps the marker it always had. */
function marker(stack) {
  return stack ? `<!-- cleanrooms-stack preview ${stack} -->` : '<!-- cleanrooms-stack preview -->';
}

/**
 * The comment for the outcomes of validate and preview, quoting what they wrote in `folder` (validate.txt, plan.md).
 * A stack's comment starts with the stack and its file, so several stacks' comments on one pull request are told apart.
 */
function planBody({ stack, validateOutcome = 'success', previewOutcome = 'success', folder = '.' }) {
  const file = stack ? `collaborations.${stack}.yaml` : 'collaborations.yaml';
  let body;
  if (validateOutcome !== 'success') {
    body = `### ${file} has problems\n\n\`\`\`text\n` + read(path.join(folder, 'validate.txt')) + '```\n';
  } else if (previewOutcome !== 'success') {
    body = '**`cleanrooms-stack preview` failed**: see the job log for the error and its hint.\n\n' + read(path.join(folder, 'plan.md'));
  } else {
    body = read(path.join(folder, 'plan.md'));
  }
  const heading = stack ? `**Stack \`${stack}\`** (\`${file}\`)\n\n` : '';
  return `${marker(stack)}\n${heading}${body}`;
}

/** Creates the stack's plan comment on the pull request, or updates the one the bot posted before. */
async function postPlanComment({ github, context, issue_number, stack, body }) {
  const { owner, repo } = context.repo;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });
  const previous = comments.find(c => c.user.type === 'Bot' && c.body.startsWith(marker(stack)));
  if (previous) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number, body });
  }
}

module.exports = { marker, planBody, postPlanComment };
