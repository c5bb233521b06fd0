import { AttachmentSchema, type Attachment } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../../app/api.js';

/** Files uploaded for a listing form; the listing claims them by id when it is saved. */
export const useAttachmentsStore = defineStore('attachments', () => {
  const uploading = ref(0);

  async function upload(file: File): Promise<Attachment> {
    const body = new FormData();
    body.append('file', file, file.name);
    uploading.value += 1;
    try {
      return await api.post('/attachments', AttachmentSchema, body);
    } finally {
      uploading.value -= 1;
    }
  }

  return { uploading, upload };
});
