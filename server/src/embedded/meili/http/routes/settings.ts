import { assertIndexUid } from '../../indexes.js';
import type { SettingName, Settings, SettingsPatch } from '../../settings/settings.js';
import {
  defaultSettings,
  SETTING_NAMES,
  validateSetting,
  validateSettingsPatch,
} from '../../settings/settings.js';
import { summarize } from '../../tasks/task.js';
import type { Route, RouteContext } from '../router.js';
import { accepted, ok } from '../router.js';

/** Sub-routes updated with PATCH (nested objects merge); the others use PUT. */
const PATCH_SETTINGS: SettingName[] = ['typoTolerance', 'faceting', 'pagination', 'embedders'];

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function currentSettings(context: RouteContext): Settings {
  return context.instance.indexes.get(context.params.uid!)?.engine.settings ?? defaultSettings();
}

function enqueueSettings(context: RouteContext, patch: SettingsPatch) {
  const uid = context.params.uid!;
  assertIndexUid(uid);
  return accepted(
    summarize(
      context.instance.enqueue('settingsUpdate', uid, { ...patch }, { kind: 'updateSettings', patch }),
    ),
  );
}

const resetAll = (): SettingsPatch => Object.fromEntries(SETTING_NAMES.map((name) => [name, null]));

function subRoutes(name: SettingName): Route[] {
  const path = `/indexes/:uid/settings/${kebab(name)}`;
  return [
    {
      method: 'GET',
      path,
      action: 'settings.get',
      handle(context) {
        context.instance.indexes.require(context.params.uid!);
        return ok(currentSettings(context)[name]);
      },
    },
    {
      method: PATCH_SETTINGS.includes(name) ? 'PATCH' : 'PUT',
      path,
      action: 'settings.update',
      async handle(context) {
        const value = validateSetting(name, await context.json(), '');
        return enqueueSettings(context, { [name]: value } as SettingsPatch);
      },
    },
    {
      method: 'DELETE',
      path,
      action: 'settings.update',
      handle: (context) => enqueueSettings(context, { [name]: null } as SettingsPatch),
    },
  ];
}

export const settingsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/indexes/:uid/settings',
    action: 'settings.get',
    handle(context) {
      context.instance.indexes.require(context.params.uid!);
      return ok(currentSettings(context));
    },
  },
  {
    method: 'PATCH',
    path: '/indexes/:uid/settings',
    action: 'settings.update',
    handle: async (context) => enqueueSettings(context, validateSettingsPatch(await context.json())),
  },
  {
    method: 'DELETE',
    path: '/indexes/:uid/settings',
    action: 'settings.update',
    handle: (context) => enqueueSettings(context, resetAll()),
  },
  ...SETTING_NAMES.flatMap(subRoutes),
];
