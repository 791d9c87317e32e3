// Chapter 4 · Information theory. Run: swift run ch04
