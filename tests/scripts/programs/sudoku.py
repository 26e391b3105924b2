# Sudoku solver: constraint bitmasks plus backtracking with the most-constrained-cell heuristic.

PUZZLES = {
    "easy": (
        "53..7...."
        "6..195..."
        ".98....6."
        "8...6...3"
        "4..8.3..1"
        "7...2...6"
        ".6....28."
        "...419..5"
        "....8..79"
    ),
    "hard": (
        "8........"
        "..36....."
        ".7..9.2.."
        ".5...7..."
        "....457.."
        "...1...3."
        "..1....68"
        "..85...1."
        ".9....4.."
    ),
    "broken": (
        "55..7...."
        "6..195..."
        ".98....6."
        "8...6...3"
        "4..8.3..1"
        "7...2...6"
        ".6....28."
        "...419..5"
        "....8..79"
    ),
}

ALL = (1 << 9) - 1


class Unsolvable(Exception):
    pass


class Board:
    def __init__(self, text):
        if len(text) != 81:
            raise ValueError(f"expected 81 cells, got {len(text)}")
        self.cells = [0 if ch == "." else int(ch) for ch in text]
        self.rows = [0] * 9
        self.cols = [0] * 9
        self.boxes = [0] * 9
        self.guesses = 0
        self.backtracks = 0
        for idx, v in enumerate(self.cells):
            if v:
                r, c = divmod(idx, 9)
                bit = 1 << (v - 1)
                b = (r // 3) * 3 + c // 3
                if (self.rows[r] | self.cols[c] | self.boxes[b]) & bit:
                    raise Unsolvable(f"duplicate {v} at row {r + 1}, column {c + 1}")
                self.rows[r] |= bit
                self.cols[c] |= bit
                self.boxes[b] |= bit

    def candidates(self, idx):
        r, c = divmod(idx, 9)
        used = self.rows[r] | self.cols[c] | self.boxes[(r // 3) * 3 + c // 3]
        return ALL & ~used

    def place(self, idx, v, on=True):
        r, c = divmod(idx, 9)
        bit = 1 << (v - 1)
        b = (r // 3) * 3 + c // 3
        if on:
            self.rows[r] |= bit
            self.cols[c] |= bit
            self.boxes[b] |= bit
            self.cells[idx] = v
        else:
            self.rows[r] &= ~bit
            self.cols[c] &= ~bit
            self.boxes[b] &= ~bit
            self.cells[idx] = 0

    def pick_cell(self):
        best, best_mask, best_count = None, 0, 10
        for idx, v in enumerate(self.cells):
            if v:
                continue
            mask = self.candidates(idx)
            n = bin(mask).count("1")
            if n < best_count:
                best, best_mask, best_count = idx, mask, n
                if n <= 1:
                    break
        return best, best_mask

    def solve(self):
        idx, mask = self.pick_cell()
        if idx is None:
            return True
        for v in range(1, 10):
            if mask & (1 << (v - 1)):
                self.guesses += 1
                self.place(idx, v)
                if self.solve():
                    return True
                self.place(idx, v, on=False)
                self.backtracks += 1
        return False

    def is_valid(self):
        groups = []
        for i in range(9):
            groups.append(self.cells[i * 9:(i + 1) * 9])
            groups.append(self.cells[i::9])
            br, bc = divmod(i, 3)
            groups.append([self.cells[(br * 3 + dr) * 9 + bc * 3 + dc]
                           for dr in range(3) for dc in range(3)])
        return all(sorted(g) == list(range(1, 10)) for g in groups)

    def __str__(self):
        lines = []
        for r in range(9):
            if r and r % 3 == 0:
                lines.append("------+-------+------")
            row = self.cells[r * 9:(r + 1) * 9]
            parts = [" ".join(str(v) if v else "." for v in row[k:k + 3]) for k in (0, 3, 6)]
            lines.append(" | ".join(parts))
        return "\n".join(lines)


for name, text in PUZZLES.items():
    print(f"== {name} ({81 - text.count('.')} givens)")
    try:
        board = Board(text)
    except Unsolvable as exc:
        print(f"rejected: {exc}")
        continue
    ok = board.solve()
    print(board)
    print(f"solved={ok} valid={board.is_valid()} guesses={board.guesses} backtracks={board.backtracks}")
    digest = sum((i + 1) * v for i, v in enumerate(board.cells)) % 100003
    print(f"digest={digest} first row={''.join(map(str, board.cells[:9]))}")
