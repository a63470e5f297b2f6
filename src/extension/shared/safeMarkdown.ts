import * as vscode from 'vscode';

const OUR_COMMANDS = /^literatureTriage\.[A-Za-z]+$/;

/**
 * Markdown for hovers, completion documentation and tooltips. Untrusted parts go in with `text` (the
 * MarkdownString's own escaping); links run only our own commands, with arguments we built, and only those
 * commands are enabled. Never `supportHtml`, never `supportThemeIcons`, never fully trusted.
 */
export class SafeMarkdown {
  private readonly commands = new Set<string>();
  private readonly markdown = new vscode.MarkdownString('', false);

  /** Untrusted text, shown literally. */
  text(value: string): this {
    this.markdown.appendText(value);
    return this;
  }

  /** Markdown we wrote ourselves: a literal in our code, never built from untrusted text. */
  ours(literals: TemplateStringsArray): this {
    if (literals.length !== 1) throw new Error('SafeMarkdown.ours takes a literal without interpolations');
    this.markdown.appendMarkdown(literals[0]!);
    return this;
  }

  /** Ends the paragraph. */
  paragraph(): this {
    this.markdown.appendMarkdown('\n\n');
    return this;
  }

  /** `[label](command:id?args)` for one of our commands; the label is escaped, the arguments encoded. */
  commandLink(label: string, command: string, args: readonly unknown[] = []): this {
    if (!OUR_COMMANDS.test(command)) throw new Error(`not one of our commands: ${command}`);
    const escaped = new vscode.MarkdownString().appendText(label).value;
    const query = args.length ? `?${encodeURIComponent(JSON.stringify(args))}` : '';
    this.markdown.appendMarkdown(`[${escaped}](command:${command}${query})`);
    this.commands.add(command);
    this.markdown.isTrusted = { enabledCommands: [...this.commands] };
    return this;
  }

  build(): vscode.MarkdownString {
    return this.markdown;
  }
}
