import { ElMessage, ElMessageBox } from 'element-plus';
import { ApiError } from '../app/api.js';
import { i18n } from '../app/i18n/index.js';

/**
 * Asks before something that cannot be undone (the button names it, in red), then runs it and reports a
 * refusal of the API in the user's language. Resolves whether it ran and succeeded.
 */
export async function confirmAndRun(
  texts: { title: string; message: string; confirm: string },
  action: () => Promise<unknown>,
): Promise<boolean> {
  const { t } = i18n.global;
  const confirmed = await ElMessageBox.confirm(texts.message, texts.title, {
    type: 'warning',
    confirmButtonText: texts.confirm,
    confirmButtonClass: 'el-button--danger',
    cancelButtonText: t('common.cancel'),
  }).then(
    () => true,
    () => false,
  );
  if (!confirmed) return false;
  try {
    await action();
    return true;
  } catch (error) {
    ElMessage.error(t(`errors.${error instanceof ApiError ? error.code : 'INTERNAL'}`));
    return false;
  }
}
