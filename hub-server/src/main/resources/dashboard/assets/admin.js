'use strict';
(() => {
  const P = PackCheck;
  P.start('admin');
  const load = async () => {
    const users = await P.api('/api/v1/admin/users');
    P.table('users', [{ key: 'name', label: 'User' }, { key: 'role', label: 'Role' },
      { key: 'createdAt', label: 'Created', format: P.localTime }, { key: 'revokedAt', label: 'Revoked', format: P.localTime }],
      users.rows);
    document.querySelectorAll('#users tbody tr').forEach((tr, i) => {
      const u = users.rows[i];
      if (u.revokedAt) return;
      const b = document.createElement('button');
      b.textContent = 'Revoke';
      b.addEventListener('click', async () => {
        const r = await fetch('/api/v1/admin/users/' + encodeURIComponent(u.name) + '/revoke', { method: 'POST', credentials: 'same-origin' });
        const body = await r.json();
        document.getElementById('admin-error').textContent = r.ok ? '' : body.error.message;
        load();
      });
      tr.insertCell().appendChild(b);
    });
  };
  load();
})();
