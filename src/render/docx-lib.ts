/**
 * The only module that loads the `docx` package (9.15.2, chosen for the
 * Word edition: it writes WordprocessingML from typed objects, fills a
 * table-of-contents field from given entries and keeps its output in a
 * fixed part order); the other docx-*.ts modules import it from here.
 * It is a development dependency: scripts/bundle.mjs inlines it into this
 * module's compiled file and into the CLI's bundle, so users' installs do
 * not get its package.json's dependencies (nanoid 6 supports no Node 20).
 */
export {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  ImportedXmlComponent,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
