// The hub redirects back here with ?error=...; say which field was wrong.
(function () {
  const messages = {
    username: 'User name is required.',
    password: 'Secret is required (at most 200 characters).',
    wrong: 'User name or secret is wrong, or the user was revoked.',
    signedout: 'You are signed out.'
  };
  const code = new URLSearchParams(location.search).get('error');
  if (code && messages[code]) {
    const p = document.getElementById('error');
    p.textContent = messages[code];
    p.hidden = false;
    if (code === 'signedout') p.className = 'note';
  }
})();
