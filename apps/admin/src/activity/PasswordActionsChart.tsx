import { Box, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import type { AgentTotals } from './password-action-stats';

const WIDTH = 760;
const HEIGHT = 240;
const LEFT = 36;
const BOTTOM = 28;
const TOP = 8;
const PLOT_WIDTH = WIDTH - LEFT - 8;
const PLOT_HEIGHT = HEIGHT - BOTTOM - TOP;

interface PasswordActionsChartProps {
  days: string[];
  agents: AgentTotals[];
  counts: Map<string, Map<string, number>>;
}

/** A round top for the axis and its grid lines: 0 to 4, or a multiple of 4. */
function axisTop(max: number): { top: number; ticks: number[] } {
  if (max <= 4) return { top: Math.max(max, 1), ticks: Array.from({ length: Math.max(max, 1) + 1 }, (_, i) => i) };
  const top = Math.ceil(max / 4) * 4;
  return { top, ticks: [0, top / 4, top / 2, (3 * top) / 4, top] };
}

/**
 * Password actions per day, one stacked colour per agent, drawn by hand in SVG: a few bars do not
 * need a chart library. The table beside it has the same numbers, for screen readers and for exactness.
 */
export const PasswordActionsChart = ({ days, agents, counts }: PasswordActionsChartProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  // A day key ("2026-03-14") is a calendar day: formatted at UTC midnight in UTC, no zone moves it.
  const dayLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const totalOf = (day: string) => [...(counts.get(day)?.values() ?? [])].reduce((sum, count) => sum + count, 0);
  const total = days.reduce((sum, day) => sum + totalOf(day), 0);
  const { top, ticks } = axisTop(Math.max(0, ...days.map(totalOf)));
  const slot = PLOT_WIDTH / days.length;
  const barWidth = Math.min(28, slot * 0.7);
  // Every day's label would overlap on long periods; the last day (usually today) always has one.
  const labelEvery = Math.ceil(days.length / 12);
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;

  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        sx={{ width: '100%', maxWidth: WIDTH, color: 'text.secondary' }}
      >
        <title id={titleId}>
          {translate('keydesk.activity.password_actions.chart_summary', { smart_count: total, days: days.length })}
        </title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={LEFT}
              x2={WIDTH - 8}
              y1={y(tick)}
              y2={y(tick)}
              stroke="currentColor"
              strokeOpacity={tick === 0 ? 0.6 : 0.15}
            />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {tick}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = LEFT + index * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={day}>
              {agents.map((agent) => {
                const count = counts.get(day)?.get(agent.key) ?? 0;
                if (count === 0) return null;
                const rect = (
                  <rect
                    key={agent.key}
                    x={x}
                    width={barWidth}
                    y={y(base + count)}
                    height={y(base) - y(base + count)}
                    fill={agent.colour}
                  >
                    <title>{`${agent.staffName} · ${dayLabel.format(new Date(`${day}T00:00:00Z`))}: ${count}`}</title>
                  </rect>
                );
                base += count;
                return rect;
              })}
              {(days.length - 1 - index) % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={HEIGHT - 10} textAnchor="middle" fontSize={11} fill="currentColor">
                  {dayLabel.format(new Date(`${day}T00:00:00Z`))}
                </text>
              )}
            </g>
          );
        })}
      </Box>
      <Stack
        component="ul"
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', listStyle: 'none', p: 0, m: 0 }}
      >
        {agents.map((agent) => (
          <Stack component="li" key={agent.key} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <Box aria-hidden sx={{ width: 12, height: 12, bgcolor: agent.colour, borderRadius: 0.5 }} />
            <Typography variant="body2">{agent.staffName}</Typography>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
};
