/** Placeholder shell: the board comes next. */
export function App() {
  return (
    <main>
      <h1>Security Pals Desk</h1>
    </main>
  );
}
