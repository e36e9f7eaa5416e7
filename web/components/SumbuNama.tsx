/**
 * The category axis of a horizontal bar chart whose categories are names (OPD, unit): each name on
 * one line cut to the axis width, the full name as its tooltip (SVG title). The charts also carry
 * every name in their accessible text or a table beside them.
 */
import { useMediaQuery } from '@mantine/hooks';
import { potongLabel } from '../lib/grafik';

const UKURAN_HURUF = 11;
/** recharts' tick line and margin between the axis edge and the text. */
const JARAK_TEPI = 10;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload: { value: unknown };
}

function tick(lebar: number) {
  return ({ x, y, payload }: TickProps) => {
    const nama = String(payload.value);
    return (
      <text
        x={x}
        y={y}
        dy="0.355em"
        textAnchor="end"
        fontSize={UKURAN_HURUF}
        fill="currentColor"
        className="recharts-cartesian-axis-tick-value"
      >
        <title>{nama}</title>
        {potongLabel(nama, lebar - JARAK_TEPI, UKURAN_HURUF)}
      </text>
    );
  };
}

/** `yAxisProps` of a vertical-orientation BarChart: wide on a desktop, narrower on a phone. */
export function useSumbuNama(desktop = 190, ponsel = 110) {
  const kecil = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const width = kecil ? ponsel : desktop;
  return { width, interval: 0, tick: tick(width) };
}
