import {
  RegisterResultSchema,
  roleHasPermission,
  SessionSchema,
  UserSchema,
  type LoginInput,
  type Permission,
  type RegisterInput,
  type Session,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { z } from 'zod';
import { api, setCsrfToken } from '../../app/api.js';
import { useSocketStore } from '../../app/socket.js';

const anonymousSession: Session = { user: null, organisation: null, csrfToken: null, permissions: [] };

/** Who is signed in, their organisation and what they may do; the source of truth for guards and menus. */
export const useSessionStore = defineStore('session', () => {
  const session = ref<Session>(anonymousSession);
  const hydrated = ref(false);
  let hydrating: Promise<void> | null = null;

  const user = computed(() => session.value.user);
  const organisation = computed(() => session.value.organisation);
  const signedIn = computed(() => user.value !== null);
  const organisationVerified = computed(() => organisation.value?.verification.status === 'verified');

  function apply(next: Session): void {
    const userChanged = next.user?.id !== session.value.user?.id;
    session.value = next;
    setCsrfToken(next.csrfToken);
    // The socket authenticates by cookie at connection time: reconnect when the signed-in user changes.
    if (userChanged && hydrated.value) useSocketStore().reconnect();
  }

  async function hydrate(): Promise<void> {
    hydrating ??= api
      .get('/auth/session', SessionSchema)
      .then(apply)
      .finally(() => {
        hydrated.value = true;
        hydrating = null;
      });
    return hydrating;
  }

  function can(permission: Permission): boolean {
    return user.value !== null && roleHasPermission(user.value.role, permission);
  }

  async function login(input: LoginInput): Promise<void> {
    apply(await api.post('/auth/login', SessionSchema, input));
  }

  async function register(input: RegisterInput): Promise<boolean> {
    const result = await api.post('/auth/register', RegisterResultSchema, input);
    apply(result);
    return result.joinedExisting;
  }

  async function logout(): Promise<void> {
    await api.post('/auth/logout', z.undefined());
    apply(anonymousSession);
  }

  async function updateProfile(patch: { name?: string; phone?: string | null }): Promise<void> {
    apply(await api.patch('/me', SessionSchema, patch));
  }

  async function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
    await api.post('/auth/password', z.undefined(), input);
  }

  /** Refetches the user alone, e.g. for a profile page that must show the latest state. */
  async function refreshUser(): Promise<void> {
    const fresh = await api.get('/me', UserSchema);
    session.value = { ...session.value, user: fresh };
  }

  return {
    session,
    hydrated,
    user,
    organisation,
    signedIn,
    organisationVerified,
    hydrate,
    can,
    login,
    register,
    logout,
    updateProfile,
    changePassword,
    refreshUser,
  };
});
