// The tracking page's script, bundled by esbuild when the demo starts: it defines <order-tracker> (which
// brings <tracking-progress>, <tracking-timeline> and <delay-banner> with it). The element does the rest.
import '@trackline/elements/order-tracker';
