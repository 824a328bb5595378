"""Program evaluation: indicators over measures, computed per period and area against targets."""
