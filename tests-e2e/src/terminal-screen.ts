/**
 * A tiny terminal emulator for tests: enough of a VT100 to replay what the CLI writes to a terminal
 * (carriage return, newline, cursor up, erase line and screen below, cursor show/hide, wrapping at
 * the last column) and read back the screen a user would be left with.
 */
export class TerminalScreen {
  readonly #columns: number;
  readonly rows: string[][] = [[]];
  row = 0;
  column = 0;
  cursorVisible = true;

  constructor(columns: number) {
    this.#columns = columns;
  }

  /** Replays raw terminal output. */
  write(text: string): void {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences are the input
    const pattern = /\u001b\[([?0-9;]*)([A-Za-z])|\u001b[()][A-Z0-9]|[\s\S]/gu;
    for (const match of text.matchAll(pattern)) {
      const [piece, params, command] = match;
      if (command !== undefined) this.#csi(params ?? '', command);
      else if (piece === '\r') this.column = 0;
      else if (piece === '\n') this.#lineFeed();
      else if (piece >= ' ' && !piece.startsWith('\u001b')) this.#print(piece);
    }
  }

  /** The screen as text lines, trailing blanks trimmed. */
  lines(): string[] {
    const lines = this.rows.map((cells) => cells.join('').trimEnd());
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  }

  /** The text on the cursor's row from the cursor on. */
  restOfCursorRow(): string {
    return (this.rows[this.row] ?? []).slice(this.column).join('').trimEnd();
  }

  #csi(params: string, command: string): void {
    const count = Math.max(1, Number.parseInt(params, 10) || 1);
    if (command === 'A') this.row = Math.max(0, this.row - count);
    else if (command === 'K') this.#cells().splice(this.column);
    else if (command === 'J') {
      this.#cells().splice(this.column);
      this.rows.splice(this.row + 1);
    } else if (params === '?25' && command === 'l') this.cursorVisible = false;
    else if (params === '?25' && command === 'h') this.cursorVisible = true;
  }

  #cells(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row] as string[];
  }

  #lineFeed(): void {
    this.row += 1;
    this.#cells();
  }

  #print(char: string): void {
    if (this.column >= this.#columns) {
      this.column = 0;
      this.#lineFeed();
    }
    const cells = this.#cells();
    while (cells.length < this.column) cells.push(' ');
    cells[this.column] = char;
    this.column += 1;
  }
}
