import { UserSchema, pageOf, type Role, type User } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { api, queryString } from '../../app/api.js';
import { pagedList } from '../../ui/paged-list.js';

const UserPageSchema = pageOf(UserSchema);

/** Administration of user accounts (admins only). */
export const useUsersStore = defineStore('users', () => {
  const list = pagedList(
    { q: '', role: '' as Role | '', status: '' as User['status'] | '', page: 1 },
    (filters) => api.get(`/users${queryString(filters)}`, UserPageSchema),
  );

  async function update(id: string, patch: { role?: Role; status?: User['status'] }): Promise<void> {
    const updated = await api.patch(`/users/${id}`, UserSchema, patch);
    if (list.page.value)
      list.page.value.items = list.page.value.items.map((u) => (u.id === id ? updated : u));
  }

  return { ...list, update };
});
