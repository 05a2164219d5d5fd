outer "o" {
  level = 1

  middle {
    level = 2

    inner "i" {
      level = 3

      deepest {
        level = 4
      }
    }
  }

  middle {
    level = 2.5
  }
}
