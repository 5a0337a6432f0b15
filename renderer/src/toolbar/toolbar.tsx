/** Above the board, on one row at a laptop's width: the round and swimlanes, search (card names, and notes below) and filters (pal, maturity, due state), saved views and "New engagement". */
import { useShallow } from 'zustand/react/shallow';
import type { DueStateName } from '../../../shared/due.js';
import { MATURITIES, type Maturity } from '../../../shared/schema.js';
import { DUE_FILTER_LABELS, MATURITY_LABELS } from '../format/labels.js';
import { PlusIcon } from '../icons.js';
import { selectFiltering, selectPalOptions, selectRoundOptions, selectShownRound, selectVisibleCount } from '../store/selectors.js';
import type { Lanes } from '../store/views-slice.js';
import { useAppStore } from '../store/store-context.js';
import { MATCHES_ID } from '../search/note-matches.js';
import { RoundSettingsButton } from '../rounds/round-settings-button.js';
import { FilterSelect } from './filter-select.js';
import { ViewSelect } from './view-select.js';
import { ViewsMenu } from './views-menu.js';

const MATURITY_OPTIONS = MATURITIES.map((m) => [m, MATURITY_LABELS[m]] as const);
const LANE_OPTIONS: readonly (readonly [Lanes, string])[] = [
  ['none', 'None'],
  ['pal', 'Pal'],
];
const DUE_OPTIONS = (['overdue', 'due-soon', 'on-track', 'none'] as const).map((d) => [d, DUE_FILTER_LABELS[d]] as const);

/** The toolbar; filtering is instant and never changes stored data. */
export function Toolbar() {
  const search = useAppStore((s) => s.search);
  const filters = useAppStore((s) => s.filters);
  const pals = useAppStore(useShallow(selectPalOptions));
  const filtering = useAppStore(selectFiltering);
  const visible = useAppStore(selectVisibleCount);
  const { setSearch, setFilter, clearFilters, openNew } = useAppStore(
    useShallow((s) => ({ setSearch: s.setSearch, setFilter: s.setFilter, clearFilters: s.clearFilters, openNew: s.openNew })),
  );
  // A pal kept in the filter from last time stays a choice even when no card names them now.
  const palOptions = (filters.pal && !pals.includes(filters.pal) ? [...pals, filters.pal] : pals).map((p) => [p, p] as const);
  const { lanes, setLanes, setRound } = useAppStore(useShallow((s) => ({ lanes: s.lanes, setLanes: s.setLanes, setRound: s.setRound })));
  const shownRound = useAppStore(selectShownRound);
  const roundOptions = useAppStore(useShallow(selectRoundOptions));

  return (
    <div className="toolbar">
      <div className="toolbar-scope">
        <ViewSelect<string>
          label="Round"
          value={shownRound}
          options={roundOptions}
          onChange={(v) => {
            setRound(v);
          }}
        />
        <RoundSettingsButton />
        <ViewSelect<Lanes>
          label="Swimlanes"
          value={lanes}
          options={LANE_OPTIONS}
          onChange={(v) => {
            setLanes(v);
          }}
        />
      </div>
      <div className="toolbar-filters" role="search" aria-label="Filter the board">
        <div className="search">
          <label htmlFor="board-search" className="visually-hidden">
            Search
          </label>
          <input
            id="board-search"
            type="search"
            className="input search-input"
            placeholder="Search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown') return;
              const first = document.getElementById(MATCHES_ID)?.querySelector('button');
              if (!first) return;
              e.preventDefault();
              first.focus();
            }}
            aria-describedby="board-search-hint"
            autoComplete="off"
            spellCheck={false}
          />
          <span id="board-search-hint" className="visually-hidden">
            Filters the cards by name; matches inside notes are listed below the toolbar (press the down arrow to reach them).
          </span>
        </div>
        <FilterSelect<string>
          label="Pal"
          anyLabel="All pals"
          value={filters.pal}
          options={palOptions}
          onChange={(v) => {
            setFilter('pal', v);
          }}
        />
        <FilterSelect<Maturity>
          label="Maturity"
          anyLabel="All maturities"
          value={filters.maturity}
          options={MATURITY_OPTIONS}
          onChange={(v) => {
            setFilter('maturity', v);
          }}
        />
        <FilterSelect<DueStateName>
          label="Due"
          anyLabel="Any due state"
          value={filters.due}
          options={DUE_OPTIONS}
          onChange={(v) => {
            setFilter('due', v);
          }}
        />
        {filtering && (
          <>
            <p className="toolbar-count" role="status">
              {visible} {visible === 1 ? 'card matches' : 'cards match'}
            </p>
            <button type="button" className="button button--quiet" onClick={clearFilters}>
              Clear filters
            </button>
          </>
        )}
      </div>
      <div className="toolbar-actions">
        <ViewsMenu />
        <button type="button" className="button button--primary" onClick={openNew}>
          <PlusIcon /> New engagement
        </button>
      </div>
    </div>
  );
}
