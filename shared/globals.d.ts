// The WHATWG URL class exists in every runtime we target (Node, Chromium). shared/ compiles
// without DOM or Node typings to stay pure, so declare just the part it uses.
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
  readonly href: string;
}
