import * as vscode from 'vscode';
import type { UiText } from './uiText';

export type ReportProgress = (message: UiText, increment?: number) => void;

/**
 * Runs `work` and shows a progress notification when it is long: at once when the caller knows it will be
 * (`large`), else once it has run for `delayMs`, so quick work does not flash a notification. Work that runs
 * synchronously for long should pass `large`: a timer cannot fire while it blocks.
 */
export async function withProgressWhenLong<T>(
  title: UiText,
  work: (report: ReportProgress) => Promise<T>,
  options: { large?: boolean; delayMs?: number } = {},
): Promise<T> {
  let latest: { message: string; increment?: number } | undefined;
  let shown: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  const report: ReportProgress = (message, increment) => {
    latest = { message, increment };
    shown?.report(latest);
  };
  const show = (running: Promise<unknown>) =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title },
      async (progress) => {
        shown = progress;
        if (latest) progress.report({ message: latest.message });
        await running.catch(() => undefined);
      },
    );

  if (options.large) {
    let started!: () => void;
    const visible = new Promise<void>((resolve) => (started = resolve));
    let running: Promise<T> | undefined;
    const done = vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title },
      async (progress) => {
        shown = progress;
        started();
        // Let the notification render before synchronous work blocks the extension host.
        await new Promise((resolve) => setTimeout(resolve, 50));
        running = work(report);
        await running.catch(() => undefined);
      },
    );
    await visible;
    await done;
    return running!;
  }

  const running = work(report);
  const timer = setTimeout(() => void show(running), options.delayMs ?? 700);
  try {
    return await running;
  } finally {
    clearTimeout(timer);
  }
}
