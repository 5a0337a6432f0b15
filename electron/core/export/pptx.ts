/**
 * A PowerPoint file from slide pictures, as Marp CLI makes one: each slide is its 1280×720
 * picture placed full-bleed on a 16:9 slide, with its speaker notes on the notes page. People
 * present from PowerPoint and Google Slides; the picture looks exactly like the PDF's page.
 */
import pptxgenjs from 'pptxgenjs';

// pptxgenjs's types describe a CommonJS default export; its ESM build (what Node and the bundle
// load) exports the class itself. Accept either.
type Pptx = typeof pptxgenjs.default;
const PptxGenJS = ((pptxgenjs as unknown as { default?: Pptx }).default ?? pptxgenjs) as Pptx;

export interface PptxSlide {
  readonly png: Uint8Array;
  readonly notes: string;
}

/** The .pptx bytes. */
export async function buildPptx(slides: readonly PptxSlide[], title: string): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = title;
  pptx.author = 'Security Pals Desk';
  for (const s of slides) {
    const slide = pptx.addSlide();
    slide.addImage({ data: `image/png;base64,${Buffer.from(s.png).toString('base64')}`, x: 0, y: 0, w: '100%', h: '100%' });
    if (s.notes.trim()) slide.addNotes(s.notes);
  }
  const out = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return out;
}
