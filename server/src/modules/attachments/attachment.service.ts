import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '@techmatch/shared';
import { Types } from 'mongoose';
import { isStaff, requireActor, type Actor, type RequestContext } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { ReceivedFile } from '../../platform/http/upload.js';
import type { AttachmentDoc, AttachmentModel, AttachmentOwner } from './attachment.model.js';
import { acceptedContentType, safeFilename } from './file-type.js';

interface AttachmentDeps {
  attachments: AttachmentModel;
  /** `DATA_DIR/uploads`: files are stored there under their id, outside any web root. */
  uploadsDir: string;
  /** Whether anyone may download what is attached to this owner (e.g. a published listing). */
  isPublic(owner: AttachmentOwner): Promise<boolean>;
  /** Whether this signed-in user may download it (e.g. a participant of the inquiry it was sent in). */
  isSharedWith?(owner: AttachmentOwner, actor: Actor): Promise<boolean>;
}

export function presentAttachment(
  doc: Pick<AttachmentDoc, '_id' | 'filename' | 'contentType' | 'size'>,
): Attachment {
  return { id: doc._id.toHexString(), filename: doc.filename, contentType: doc.contentType, size: doc.size };
}

export function attachmentService({ attachments, uploadsDir, isPublic, isSharedWith }: AttachmentDeps) {
  const pathOf = (id: Types.ObjectId) => path.join(uploadsDir, id.toHexString().slice(-2), id.toHexString());

  async function store(ctx: RequestContext, file: ReceivedFile): Promise<Attachment> {
    const actor = requireActor(ctx);
    const filename = safeFilename(file.filename);
    const contentType = acceptedContentType(file.head, filename);
    if (!contentType) {
      await rm(file.tempPath, { force: true });
      throw new AppError('FILE_TYPE_NOT_ALLOWED');
    }
    const _id = new Types.ObjectId();
    await mkdir(path.dirname(pathOf(_id)), { recursive: true });
    await rename(file.tempPath, pathOf(_id));
    const doc = await attachments.create({
      _id,
      uploaderId: actor.id,
      filename,
      contentType,
      size: file.size,
      sha256: file.sha256,
    });
    return presentAttachment(doc);
  }

  /**
   * Binds files to an owner the caller may edit: their own uploads, and files the owner already holds (a
   * colleague or staff saving a contract keeps its scans); refuses any other id, or one used elsewhere.
   */
  async function claim(actor: Actor, ids: string[], owner: AttachmentOwner): Promise<AttachmentDoc[]> {
    if (ids.length === 0) return [];
    const docs = await attachments
      .find({
        _id: { $in: ids },
        $or: [{ uploaderId: actor.id }, { 'attachedTo.type': owner.type, 'attachedTo.id': owner.id }],
      })
      .lean<AttachmentDoc[]>();
    const usable = docs.filter((d) => !d.attachedTo || d.attachedTo.id.equals(owner.id));
    if (usable.length !== new Set(ids).size) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'body.attachmentIds', code: 'custom', message: 'v.attachment' }],
      });
    }
    await attachments.updateMany({ _id: { $in: ids } }, { $set: { attachedTo: owner } });
    await attachments.updateMany(
      { 'attachedTo.id': owner.id, _id: { $nin: ids } },
      { $set: { attachedTo: null } },
    );
    return usable;
  }

  async function open(ctx: RequestContext, id: string) {
    const doc = await attachments.findById(id).lean<AttachmentDoc>();
    if (!doc) throw new AppError('NOT_FOUND');
    const actor = ctx.actor;
    const owner = doc.attachedTo;
    const allowed =
      (actor && (doc.uploaderId.equals(actor.id) || isStaff(actor))) ||
      (owner && (await isPublic(owner))) ||
      (owner && actor && isSharedWith && (await isSharedWith(owner, actor)));
    if (!allowed) throw new AppError('NOT_FOUND');
    return { attachment: presentAttachment(doc), stream: () => createReadStream(pathOf(doc._id)) };
  }

  return { store, claim, open };
}
export type AttachmentService = ReturnType<typeof attachmentService>;
