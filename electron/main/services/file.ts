import { join } from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { SAVE_FILE_TYPES, type SaveFileRequest } from '@shared/bridge/contract';

/** The parts of Electron's dialog and fs the service uses. */
export interface FileServiceDeps<W> {
  dialog: {
    showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
    showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  };
  /** Node's writeFile: 'base64' decodes the content into the file's bytes (the XLSX workbook). */
  writeFile: (path: string, content: string, encoding: 'utf8' | 'base64') => Promise<void>;
  /** The window the dialog belongs to (modal), if there is one. */
  getWindow: () => W | undefined;
  /** Folder the dialog opens in, e.g. the user's documents. */
  defaultDir?: string;
}

/**
 * Saves an export (CSV, JSON, or an XLSX workbook sent as base64) where the clerk chooses. The renderer only proposes a bare file
 * name (validated in shared/bridge/contract.ts); the path comes from the clerk, never from the
 * renderer. Text is written verbatim as UTF-8 (a CSV's BOM included), the workbook as its decoded
 * bytes, so Electron and web produce the same file.
 */
export function createFileService<W>({ dialog, writeFile, getWindow, defaultDir }: FileServiceDeps<W>) {
  return {
    async saveFile({ suggestedName, content, mimeType }: SaveFileRequest): Promise<{ saved: boolean; path?: string }> {
      const type = SAVE_FILE_TYPES[mimeType];
      const options: SaveDialogOptions = {
        title: 'Datei speichern',
        buttonLabel: 'Speichern',
        defaultPath: defaultDir ? join(defaultDir, suggestedName) : suggestedName,
        filters: [{ name: type.label, extensions: [type.extension] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const win = getWindow();
      const choice = win === undefined ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(win, options);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFile(choice.filePath, content, type.encoding);
      return { saved: true, path: choice.filePath };
    },
  };
}
